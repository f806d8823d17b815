package io.jenkins.plugins.nestedpve.cluster;

import io.jenkins.plugins.nestedpve.host.NestingPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks a {@link ClusterSpecBuilder}'s values and collects every problem, each saying what to change. */
final class SpecValidator {
    static final int MAX_NODES = 32;
    static final int MAX_CORES = 128;
    static final int MIN_MEMORY_MIB = 1024;
    static final int MAX_MEMORY_MIB = 1024 * 1024;
    static final int MAX_TEXT = 200;

    private final ClusterSpecBuilder b;
    private final String clusterName;
    private final String prefix;
    private final List<SpecProblem> problems = new ArrayList<>();

    SpecValidator(ClusterSpecBuilder b, String clusterName, String prefix) {
        this.b = b;
        this.clusterName = clusterName;
        this.prefix = prefix;
    }

    List<SpecProblem> validate() {
        host();
        template();
        shape();
        network();
        new AddressingValidator(problems).validate(b.addressing, b.nodes);
        names();
        nesting();
        smokeCheck();
        vmids();
        times();
        identity();
        return List.copyOf(problems);
    }

    private void problem(String field, String message) {
        problems.add(new SpecProblem(field, message));
    }

    private void host() {
        if (b.host == null) {
            problem(
                    "host",
                    "is required — set the physical PVE host (API URL, node name, API certificate fingerprint)");
            return;
        }
        apiUrl(b.host.apiUrl());
        if (b.host.node() == null || !Names.PVE_NODE.matcher(b.host.node()).matches()) {
            problem(
                    "host.node",
                    Names.show(b.host.node()) + " is not a PVE node name (letters, digits and '-')"
                            + " — use the node's short hostname as the PVE GUI shows it, e.g. 'pve1'");
        }
        if (b.host.apiFingerprint() == null
                || !Names.API_FINGERPRINT.matcher(b.host.apiFingerprint()).matches()) {
            problem(
                    "host.apiFingerprint",
                    "must be the SHA-256 fingerprint of the API certificate as 32"
                            + " colon-separated hex pairs (AA:BB:...), got " + Names.show(b.host.apiFingerprint())
                            + " — read it on the host with 'openssl x509 -noout -fingerprint -sha256 -in"
                            + " /etc/pve/local/pve-ssl.pem' (or pveproxy-ssl.pem if present)");
        }
        b.host.sshTarget().ifPresent(this::ssh);
        if (b.pool != null && !Names.POOL_ID.matcher(b.pool).matches()) {
            problem(
                    "host.pool",
                    Names.show(b.pool) + " is not a PVE pool id (letters, digits, '.', '-' and '_'; up to three"
                            + " levels separated by '/') — use the pool's name as 'pveum pool list' shows it,"
                            + " or leave it unset");
        }
    }

    private void apiUrl(String url) {
        String hint = " — use the API base URL, e.g. https://pve1.example.com:8006";
        try {
            URI u = new URI(url == null ? "" : url);
            if (!"https".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
                problem("host.apiUrl", Names.show(url) + " is not an https URL with a host name" + hint);
            }
        } catch (URISyntaxException e) {
            problem("host.apiUrl", Names.show(url) + " is not a valid URL (" + e.getReason() + ")" + hint);
        }
    }

    private void ssh(HostSshTarget ssh) {
        if (ssh.host() == null || ssh.host().isBlank() || ssh.host().matches(".*\\s.*")) {
            problem("host.ssh.host", "must be the physical host's name or IP, got " + Names.show(ssh.host()));
        }
        port("host.ssh.port", ssh.port(), "the host's SSH port, usually 22");
        if (ssh.user() == null || !ssh.user().matches("[a-z_][a-z0-9_.-]*")) {
            problem("host.ssh.user", Names.show(ssh.user()) + " is not a login name — usually 'root'");
        }
        if (ssh.hostKeyFingerprint() == null
                || !Names.SSH_FINGERPRINT.matcher(ssh.hostKeyFingerprint()).matches()) {
            problem(
                    "host.ssh.hostKeyFingerprint",
                    "must be an OpenSSH SHA-256 fingerprint 'SHA256:<43 base64"
                            + " characters>', got " + Names.show(ssh.hostKeyFingerprint())
                            + " — read it on the host with"
                            + " 'ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub'");
        }
    }

    private void template() {
        TemplateRef t = b.template;
        if (t == null) {
            problem("template", "is required — set the VMID or the name of the PVE template to clone");
        } else if (t.vmid() != null && (t.vmid() < VmidRange.MIN || t.vmid() > VmidRange.MAX)) {
            problem(
                    "template",
                    "VMID " + t.vmid() + " is outside " + VmidRange.MIN + ".." + VmidRange.MAX
                            + " — use the template's VMID as PVE shows it");
        } else if (t.name() != null && !Names.DNS_NAME.matcher(t.name()).matches()) {
            problem(
                    "template",
                    Names.show(t.name()) + " is not a valid PVE VM name (letters, digits, '-' and"
                            + " '.') — use the template's name as PVE shows it, or its VMID");
        }
    }

    private void shape() {
        if (b.nodes < 1 || b.nodes > MAX_NODES) {
            problem(
                    "nodes",
                    "must be between 1 and " + MAX_NODES + ", got " + b.nodes
                            + " — set nodes to the number of PVE guests to create (1 = a standalone node)");
        }
        if (b.cores < 1 || b.cores > MAX_CORES) {
            problem(
                    "cores",
                    "must be between 1 and " + MAX_CORES + ", got " + b.cores
                            + " — set the vCPUs per guest; 2 or more suit a PVE node");
        }
        if (b.memoryMiB < MIN_MEMORY_MIB || b.memoryMiB > MAX_MEMORY_MIB) {
            problem(
                    "memoryMiB",
                    "must be between " + MIN_MEMORY_MIB + " and " + MAX_MEMORY_MIB + " MiB, got " + b.memoryMiB
                            + " — PVE needs at least 1 GiB; 4096 suits a test node");
        }
        if (b.storage != null && !Names.STORAGE_ID.matcher(b.storage).matches()) {
            problem(
                    "storage",
                    Names.show(b.storage) + " is not a PVE storage id (lower-case letters, digits, '-',"
                            + " '_' and '.') — use the id from Datacenter → Storage, e.g. 'local-lvm'");
        } else if (b.storage != null && !b.fullClone) {
            problem(
                    "storage",
                    "a linked clone stays on the template's storage — remove storage, or choose a full"
                            + " clone to copy the disks to " + Names.show(b.storage));
        }
    }

    private void smokeCheck() {
        if (b.smokeCheckContainer && !b.smokeCheck) {
            problem(
                    "smokeCheckContainer",
                    "needs smokeCheck — the container is started by the smoke check; set smokeCheck to true"
                            + " or smokeCheckContainer to false");
        }
    }

    private void network() {
        if (b.bridge == null || !Names.BRIDGE.matcher(b.bridge).matches()) {
            problem(
                    "bridge",
                    Names.show(b.bridge) + " is not a Linux bridge name (at most 15 letters, digits,"
                            + " '-', '_' or '.') — e.g. 'vmbr0'");
        }
        if (b.vlanTag != null && (b.vlanTag < 1 || b.vlanTag > 4094)) {
            problem(
                    "vlanTag",
                    "must be between 1 and 4094, got " + b.vlanTag + " — or leave it unset for an" + " untagged port");
        }
        port("guestSshPort", b.guestSshPort, "the port sshd listens on inside the guests, usually 22");
        port("guestApiPort", b.guestApiPort, "the PVE API port inside the guests, usually 8006");
    }

    private void names() {
        boolean nameOk = clusterName.length() <= Names.CLUSTER_NAME_MAX
                && Names.PVE_NODE.matcher(clusterName).matches();
        if (!nameOk) {
            problem(
                    "clusterName",
                    Names.show(clusterName) + " is not a valid PVE cluster name (letters, digits"
                            + " and '-', not starting or ending with '-', at most 15 characters) — e.g. 'np-ci-42'");
        }
        if (!nameOk && b.nodeNamePrefix == null) {
            return; // the prefix derives from the name: one problem, not two
        }
        String last = prefix + Math.max(1, b.nodes);
        if (!Names.DNS_LABEL.matcher(prefix + "1").matches() || last.length() > Names.DNS_LABEL_MAX) {
            problem(
                    "nodeNamePrefix",
                    Names.show(prefix) + " gives node names like " + Names.show(prefix + "1")
                            + " that are not DNS labels (lower-case letters, digits and '-', starting with a letter or"
                            + " digit, at most 63 characters with the number) — e.g. 'np-ci-n'");
        }
    }

    private void nesting() {
        if (b.nesting == null) {
            problem("nesting", "is required — choose require, enable, emulate or skip");
        } else if (b.nesting == NestingPolicy.ENABLE && (b.host == null || b.host.ssh() == null)) {
            problem(
                    "nesting",
                    "'enable' needs SSH access to the physical host to write /etc/modprobe.d — set"
                            + " host.ssh, or use 'require' (checked inside the guests) or 'emulate'");
        }
    }

    private void vmids() {
        VmidRange r = b.vmidRange;
        if (r == null) {
            problem("vmidRange", "is required — e.g. 80000..80999");
        } else if (r.start() < VmidRange.MIN || r.end() > VmidRange.MAX || r.start() > r.end()) {
            problem(
                    "vmidRange",
                    r + " must lie within " + VmidRange.MIN + ".." + VmidRange.MAX
                            + " with start <= end — e.g. 80000..80999");
        } else if (r.size() < b.nodes) {
            problem(
                    "vmidRange",
                    r + " holds " + r.size() + " VMIDs but nodes is " + b.nodes + " — widen the range to at least "
                            + b.nodes + " VMIDs");
        }
    }

    private void times() {
        if (b.timeouts == null) {
            problem("timeouts", "is required — use Timeouts.defaults()");
        } else {
            for (Map.Entry<String, Duration> t : b.timeouts.byName().entrySet()) {
                if (t.getValue() == null
                        || t.getValue().isZero()
                        || t.getValue().isNegative()) {
                    problem(
                            "timeouts." + t.getKey(),
                            "must be positive, got " + t.getValue() + " — e.g. "
                                    + Timeouts.defaults().byName().get(t.getKey()));
                }
            }
        }
        if (b.keepOnFailure == null || b.keepOnFailure.isNegative()) {
            problem(
                    "keepOnFailure",
                    "must not be negative, got " + b.keepOnFailure + " — 0 destroys a failed"
                            + " cluster at once; e.g. PT2H keeps it two hours for debugging");
        }
    }

    private void identity() {
        text("owner", b.owner, "e.g. the Jenkins URL and job, or user@host for the CLI");
        text("buildRef", b.buildRef, "e.g. 'folder/job#42'");
        if (b.installationId == null) {
            problem(
                    "installationId",
                    "is required — pass this installation's UUID; it marks the VMs this"
                            + " installation owns so that only they are ever destroyed");
        }
    }

    private void text(String field, String value, String example) {
        if (value == null || value.isBlank()) {
            problem(field, "is required — " + example);
        } else if (value.length() > MAX_TEXT || value.chars().anyMatch(Character::isISOControl)) {
            problem(
                    field,
                    "must be one line of at most " + MAX_TEXT + " characters, got " + value.length() + " — shorten it; "
                            + example);
        }
    }

    private void port(String field, int port, String what) {
        if (port < 1 || port > 65535) {
            problem(field, "must be between 1 and 65535, got " + port + " — set " + what);
        }
    }
}
