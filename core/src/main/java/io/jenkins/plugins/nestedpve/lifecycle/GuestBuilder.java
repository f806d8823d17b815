package io.jenkins.plugins.nestedpve.lifecycle;

import io.jenkins.plugins.nestedpve.NestedPveException;
import io.jenkins.plugins.nestedpve.cluster.GuestIdentity;
import io.jenkins.plugins.nestedpve.cluster.IdentityResult;
import io.jenkins.plugins.nestedpve.cluster.OwnershipMarker;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.host.GuestNestingCheck;
import io.jenkins.plugins.nestedpve.host.NestingMode;
import io.jenkins.plugins.nestedpve.pve.AgentInterface;
import io.jenkins.plugins.nestedpve.pve.Fingerprint;
import io.jenkins.plugins.nestedpve.pve.NetConfig;
import io.jenkins.plugins.nestedpve.pve.PveApiException;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.Upid;
import io.jenkins.plugins.nestedpve.pve.VmConfig;
import io.jenkins.plugins.nestedpve.spec.Addressing;
import io.jenkins.plugins.nestedpve.ssh.HostKeyPolicy;
import io.jenkins.plugins.nestedpve.ssh.HostKeyRejectedException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Phase 2 for one guest, in order: clone, configure, start, address, SSH (verified through the guest
 * agent, see {@link GuestTrust}), identity, nesting check (pve-facts §3, §5.1, §6). Runs on the guest's own thread; the guests of a cluster are built in
 * parallel.
 */
final class GuestBuilder {
    private final ProvisionRun run;
    private final GuestNode node;
    private final GuestAccess access;
    private final PveClient host;
    private final String hostNode;

    GuestBuilder(ProvisionRun run, GuestNode node) {
        this.run = run;
        this.node = node;
        this.access = new GuestAccess(run);
        this.host = run.host;
        this.hostNode = run.environment.templateNode();
    }

    void build() {
        PhaseRunner p = run.phases;
        p.run(Phase.CLONE, node.name, () -> new GuestCloner(run).cloneGuest(node));
        p.run(Phase.CONFIGURE, node.name, this::configure);
        p.run(Phase.START, node.name, this::start);
        p.run(Phase.ADDRESS, node.name, this::address);
        p.run(Phase.SSH, node.name, this::ssh);
        p.run(Phase.IDENTITY, node.name, this::identity);
        p.run(Phase.NESTING_CHECK, node.name, this::nestingCheck);
    }

    private void configure() throws InterruptedException {
        VmConfig current = host.vmConfig(hostNode, node.vmid);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("cpu", "host"); // passes vmx/svm through (pve-facts §6)
        changes.put("cores", run.spec.cores());
        changes.put("memory", run.spec.memoryMiB());
        changes.put("net0", net0(current));
        changes.put("agent", "1");
        changes.put("tags", OwnershipMarker.withTag(String.join(";", current.tags())));
        if (run.spec.addressing() instanceof Addressing.StaticPool pool) {
            requireCloudInitDrive(current);
            changes.put("ipconfig0", pool.ipconfig(staticAddress(pool)));
            pool.nameserverIfSet().ifPresent(ns -> changes.put("nameserver", ns));
        }
        Upid upid = host.updateVmConfigAsync(hostNode, node.vmid, changes);
        node.lastTask = upid;
        host.tasks().await(upid, run.deadline(run.spec.timeouts().command()));
    }

    /** net0 on the spec's bridge and VLAN, keeping the clone's model and new MAC. */
    private String net0(VmConfig current) {
        Optional<NetConfig> net = current.net(0);
        StringBuilder v = new StringBuilder(net.map(NetConfig::model).orElse("virtio"));
        net.flatMap(NetConfig::macAddress).ifPresent(mac -> v.append('=').append(mac));
        v.append(",bridge=").append(run.spec.bridge());
        run.spec.vlanTag().ifPresent(tag -> v.append(",tag=").append(tag));
        net.ifPresent(n -> n.options().forEach((k, val) -> {
            if (!k.equals("bridge") && !k.equals("tag") && !k.equals("macaddr") && !k.equals("model")) {
                v.append(',').append(k).append('=').append(val);
            }
        }));
        return v.toString();
    }

    private void requireCloudInitDrive(VmConfig current) {
        boolean drive = current.raw().values().stream().anyMatch(v -> v.contains("cloudinit"));
        if (!drive) {
            throw new NestedPveException("static addressing needs a cloud-init drive in template "
                    + run.environment.templateVmid() + ", which has none — add one with 'qm set "
                    + run.environment.templateVmid() + " --ide2 <storage>:cloudinit' or use DHCP addressing");
        }
    }

    private String staticAddress(Addressing.StaticPool pool) {
        return pool.addresses(run.spec.nodes()).get(node.index - 1);
    }

    private void start() throws InterruptedException {
        Upid upid = host.startVm(hostNode, node.vmid);
        node.lastTask = upid;
        host.tasks().await(upid, run.deadline(run.spec.timeouts().boot()));
    }

    private void address() throws InterruptedException {
        if (run.spec.addressing() instanceof Addressing.StaticPool pool) {
            node.address = staticAddress(pool);
            return;
        }
        node.address = run.waiter()
                .until(
                        "the guest agent of " + node.name + " (VMID " + node.vmid
                                + ") should report an IPv4 address on vmbr0 — the template needs qemu-guest-agent"
                                + " and DHCP on its bridge",
                        run.deadline(run.spec.timeouts().boot()),
                        run.ctx.poll(),
                        this::agentAddress);
        run.info(node.name + " has address " + node.address);
    }

    private Optional<String> agentAddress() {
        List<AgentInterface> ifaces;
        try {
            ifaces = host.agentNetworkInterfaces(hostNode, node.vmid);
        } catch (PveApiException e) {
            String m = e.pveMessage();
            if (m.contains("guest agent is not running") || m.contains("got timeout")) {
                return Optional.empty(); // still booting
            }
            throw e;
        }
        return ifaces.stream()
                .filter(i -> i.name().equals("vmbr0"))
                .flatMap(i -> i.ipv4().stream())
                .filter(ip -> !ip.startsWith("127.0.") && !ip.startsWith("169.254."))
                .findFirst();
    }

    /**
     * First contact: new host keys and the cluster's key through the guest agent (a verified channel),
     * then SSH with exactly the keys the agent read pinned and the cluster's key as the login. An
     * impostor on the guest's address fails the key exchange before anything is sent to it.
     */
    private void ssh() throws InterruptedException {
        GuestTrust trust = new GuestTrust(run, node);
        HostKeyPolicy policy = HostKeyPolicy.pinned(trust.prepare());
        try {
            node.ssh = access.connect(
                    node,
                    access.clusterAuth(),
                    policy,
                    run.deadline(run.spec.timeouts().ssh()));
        } catch (HostKeyRejectedException e) {
            throw trust.impostor(e);
        }
        node.sshHostKey = node.ssh.hostKey().sha256();
    }

    /** Over the session whose host key the agent vouched for: the rest of the identity, then the API pin. */
    private void identity() throws InterruptedException {
        GuestIdentity identity =
                new GuestIdentity(node.name, node.address, GuestIdentity.DEFAULT_DOMAIN, run.rootPassword);
        IdentityResult result =
                identity.apply(GuestAccess.runner(node.ssh), run.spec.timeouts().command());
        node.apiFingerprint = apiFingerprint(result);
        node.replaceApi(access.api(node, node.apiFingerprint));
        access.awaitApi(node, run.deadline(run.spec.timeouts().command()));
    }

    /**
     * The certificate fingerprint to pin, read over the SSH session whose host key is pinned. There
     * is no trust-on-first-use fallback: the API login that follows sends the cluster root password.
     */
    private Fingerprint apiFingerprint(IdentityResult result) throws InterruptedException {
        Optional<Fingerprint> read = access.servedFingerprint(node);
        if (read.isPresent()) {
            return read.get();
        }
        if (result.apiFingerprintIfRead().isPresent()) {
            return Fingerprint.parse(result.apiFingerprint());
        }
        throw new NestedPveException("could not read the API certificate of " + node.name + " over SSH"
                + " (/etc/pve/local/pveproxy-ssl.pem or pve-ssl.pem, nor with openssl); its fingerprint cannot be"
                + " pinned — check that pve-cluster runs on the guest and /etc/pve/local is readable");
    }

    private void nestingCheck() throws InterruptedException {
        NestingMode hostMode = run.hostNesting == null ? null : run.hostNesting.mode();
        node.nesting = new GuestNestingCheck(run.spec.timeouts().command())
                .check(node.ssh, node.name, run.spec.nesting(), hostMode);
        run.info(node.name + " nesting: " + node.nesting.mode().label());
    }
}
