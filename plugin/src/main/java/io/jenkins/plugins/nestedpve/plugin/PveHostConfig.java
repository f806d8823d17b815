package io.jenkins.plugins.nestedpve.plugin;

import hudson.model.Describable;
import java.net.URI;
import java.util.Locale;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * One physical PVE host that nested clusters are built on, as configured in Manage Jenkins » System (or JCasC
 * {@code unclassified: nestedPve: hosts: - pveHost: ...}). Holds credential ids only, never a secret; the
 * descriptor is {@link PveHostDescriptor}.
 */
public class PveHostConfig extends HostPolicySettings implements Describable<PveHostConfig> {
    /** How guests get their addresses. */
    public enum Addressing {
        /** From DHCP on the bridge, read back through the guest agent. */
        DHCP,
        /** From a static pool (CIDR and gateway) through cloud-init. */
        STATIC
    }

    /** What to do about nested virtualization on the host (DESIGN.md, core {@code host} package). */
    public enum Nesting {
        /** Fail unless the host's KVM module has nesting on. */
        REQUIRE,
        /** Turn nesting on when no VM runs; otherwise tell the operator to reboot. */
        ENABLE,
        /** Go on without hardware nesting (guests emulate: slow, for smoke tests). */
        EMULATE,
        /** Do not check. */
        SKIP
    }

    private final String id;
    private String apiUrl;
    private String node;
    private String fingerprint;
    private String tokenCredentialsId;
    private String sshCredentialsId;
    private String sshHostKeyFingerprint;
    private String template;
    private String storage = "local-lvm";
    private String pool;
    private int reserveMiB;
    private String bridge = "vmbr0";
    private String placement;
    private int vlan;
    private int vmidRangeStart = 90000;
    private int vmidRangeEnd = 90999;
    private Addressing addressing = Addressing.DHCP;
    private String staticPoolCidr;
    private String staticGateway;
    private String guestRootPasswordCredentialsId;
    private Nesting nesting = Nesting.REQUIRE;
    private int guestSshPort = 22;
    private int guestApiPort = 8006;
    /** Null (also in configurations saved before the field existed): the engine's default. */
    private Integer replacements;

    /** @param id the name pipelines use, e.g. {@code nestedPveCluster(host: 'lab')} */
    @DataBoundConstructor
    public PveHostConfig(String id) {
        this.id = id == null ? null : id.strip();
    }

    public String getId() {
        return id;
    }

    public String getApiUrl() {
        return apiUrl;
    }

    /** {@code https://HOST[:PORT]}; see {@link HostChecks#apiUrl(String)}. */
    @DataBoundSetter
    public void setApiUrl(String apiUrl) {
        this.apiUrl = trim(apiUrl);
    }

    public String getNode() {
        return node;
    }

    @DataBoundSetter
    public void setNode(String node) {
        this.node = trim(node);
    }

    public String getFingerprint() {
        return fingerprint;
    }

    /** SHA-256 fingerprint of the API certificate ({@code AA:BB:...}), the only TLS trust. */
    @DataBoundSetter
    public void setFingerprint(String fingerprint) {
        this.fingerprint = trim(fingerprint);
    }

    public String getTokenCredentialsId() {
        return tokenCredentialsId;
    }

    /** A "Secret text" credential holding {@code user@realm!tokenid=secret}. */
    @DataBoundSetter
    public void setTokenCredentialsId(String tokenCredentialsId) {
        this.tokenCredentialsId = trim(tokenCredentialsId);
    }

    public String getSshCredentialsId() {
        return sshCredentialsId;
    }

    /** Optional "SSH Username with private key" for the host (nesting preflight). */
    @DataBoundSetter
    public void setSshCredentialsId(String sshCredentialsId) {
        this.sshCredentialsId = trim(sshCredentialsId);
    }

    public String getSshHostKeyFingerprint() {
        return sshHostKeyFingerprint;
    }

    /** The host's SSH key as {@code SHA256:...}; SSH to the host is pinned to it. */
    @DataBoundSetter
    public void setSshHostKeyFingerprint(String sshHostKeyFingerprint) {
        this.sshHostKeyFingerprint = trim(sshHostKeyFingerprint);
    }

    public String getTemplate() {
        return template;
    }

    /** Default template (VMID or name) when a step names none. */
    @DataBoundSetter
    public void setTemplate(String template) {
        this.template = trim(template);
    }

    public String getStorage() {
        return storage;
    }

    @DataBoundSetter
    public void setStorage(String storage) {
        this.storage = trim(storage);
    }

    public String getPool() {
        return pool;
    }

    /**
     * The resource pool the guests are cloned into (the clone call's {@code pool}): needed when the API token's VM
     * privileges are granted on {@code /pool/<pool>} only. Empty: no pool.
     */
    @DataBoundSetter
    public void setPool(String pool) {
        this.pool = trim(pool);
    }

    public int getReserveMiB() {
        return reserveMiB;
    }

    /**
     * Memory (MiB) kept free on the host besides the safety margin: a cluster that would eat into it waits in the
     * host's line for room. 0: only the margin.
     */
    @DataBoundSetter
    public void setReserveMiB(int reserveMiB) {
        this.reserveMiB = Math.max(0, reserveMiB);
    }

    public String getBridge() {
        return bridge;
    }

    @DataBoundSetter
    public void setBridge(String bridge) {
        this.bridge = trim(bridge);
    }

    public String getPlacement() {
        return placement;
    }

    /** Default placement of the guests: {@code host} (empty), {@code spread}, {@code pack} or node names. */
    @DataBoundSetter
    public void setPlacement(String placement) {
        this.placement = trim(placement);
    }

    public int getVlan() {
        return vlan;
    }

    /** VLAN tag of the guests' network port, 1..4094; 0 for untagged. */
    @DataBoundSetter
    public void setVlan(int vlan) {
        this.vlan = vlan;
    }

    public int getVmidRangeStart() {
        return vmidRangeStart;
    }

    @DataBoundSetter
    public void setVmidRangeStart(int vmidRangeStart) {
        this.vmidRangeStart = vmidRangeStart;
    }

    public int getVmidRangeEnd() {
        return vmidRangeEnd;
    }

    /** Last VMID guests may take (inclusive). */
    @DataBoundSetter
    public void setVmidRangeEnd(int vmidRangeEnd) {
        this.vmidRangeEnd = vmidRangeEnd;
    }

    public Addressing getAddressing() {
        return addressing;
    }

    @DataBoundSetter
    public void setAddressing(Addressing addressing) {
        this.addressing = addressing == null ? Addressing.DHCP : addressing;
    }

    public String getStaticPoolCidr() {
        return staticPoolCidr;
    }

    @DataBoundSetter
    public void setStaticPoolCidr(String staticPoolCidr) {
        this.staticPoolCidr = trim(staticPoolCidr);
    }

    public String getStaticGateway() {
        return staticGateway;
    }

    @DataBoundSetter
    public void setStaticGateway(String staticGateway) {
        this.staticGateway = trim(staticGateway);
    }

    public String getGuestRootPasswordCredentialsId() {
        return guestRootPasswordCredentialsId;
    }

    /**
     * Deprecated, unused: fresh guests are reached with a key placed through the guest agent. Kept so that saved
     * configurations and JCasC files naming it still load; a build of a host that sets it warns once.
     */
    @DataBoundSetter
    public void setGuestRootPasswordCredentialsId(String guestRootPasswordCredentialsId) {
        this.guestRootPasswordCredentialsId = trim(guestRootPasswordCredentialsId);
    }

    public Nesting getNesting() {
        return nesting;
    }

    /** Default nesting policy when a step gives none. */
    @DataBoundSetter
    public void setNesting(Nesting nesting) {
        this.nesting = nesting == null ? Nesting.REQUIRE : nesting;
    }

    public int getGuestSshPort() {
        return guestSshPort;
    }

    /** The SSH port of the guests: 22 on real PVE guests; other ports only for the simulator. */
    @DataBoundSetter
    public void setGuestSshPort(int guestSshPort) {
        this.guestSshPort = guestSshPort <= 0 ? 22 : guestSshPort;
    }

    public int getGuestApiPort() {
        return guestApiPort;
    }

    /** The API port of the guests: 8006 on real PVE guests; other ports only for the simulator. */
    @DataBoundSetter
    public void setGuestApiPort(int guestApiPort) {
        this.guestApiPort = guestApiPort <= 0 ? 8006 : guestApiPort;
    }

    public Integer getReplacements() {
        return replacements;
    }

    /** The default replacement budget of this host's clusters (0 to 10); unset: 2. A step may set its own. */
    @DataBoundSetter
    public void setReplacements(Integer replacements) {
        this.replacements = replacements;
    }

    /**
     * The API address as a URI; call after {@link HostChecks#apiUrl(String)} accepted it.
     *
     * @throws IllegalArgumentException when the address is not a URI
     */
    public URI apiUri() {
        return URI.create(apiUrl == null ? "" : apiUrl);
    }

    /** The API port: the URL's, else PVE's 8006. */
    public int apiPort() {
        int port = apiUri().getPort();
        return port == -1 ? 8006 : port;
    }

    /** Whether an SSH connection to the host is configured (credential and pinned host key). */
    public boolean hasSsh() {
        return sshCredentialsId != null && sshHostKeyFingerprint != null;
    }

    /** Every setting; there is no secret here, credentials are referred to by id. */
    @Override
    public String toString() {
        return "PveHostConfig[" + id + ", api " + apiUrl + ", node " + node + ", token credentials "
                + tokenCredentialsId + ", ssh credentials " + sshCredentialsId + ", template " + template
                + ", storage " + storage + (pool == null ? "" : ", pool " + pool) + ", bridge " + bridge
                + (vlan > 0 ? " vlan " + vlan : "") + ", vmids "
                + vmidRangeStart + ".." + vmidRangeEnd + ", addressing "
                + addressing.name().toLowerCase(Locale.ROOT)
                + (addressing == Addressing.STATIC ? " " + staticPoolCidr + " via " + staticGateway : "")
                + ", nesting " + nesting.name().toLowerCase(Locale.ROOT)
                + (guestSshPort == 22 && guestApiPort == 8006
                        ? ""
                        : ", guest ports ssh " + guestSshPort + "/api " + guestApiPort)
                + limitsSummary()
                + "]";
    }
}
