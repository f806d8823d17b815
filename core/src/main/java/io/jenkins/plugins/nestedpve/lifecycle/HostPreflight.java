package io.jenkins.plugins.nestedpve.lifecycle;

import io.jenkins.plugins.nestedpve.cluster.ClusterSpec;
import io.jenkins.plugins.nestedpve.cluster.HostCredentials;
import io.jenkins.plugins.nestedpve.cluster.HostSshTarget;
import io.jenkins.plugins.nestedpve.host.NestingPreflight;
import io.jenkins.plugins.nestedpve.host.NestingReport;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.ssh.HostKeyPolicy;
import io.jenkins.plugins.nestedpve.ssh.SshAuth;
import io.jenkins.plugins.nestedpve.ssh.SshSession;
import io.jenkins.plugins.nestedpve.ssh.SshTarget;
import java.util.List;
import java.util.function.Consumer;

/**
 * Phase 1: the nesting preflight on the physical host, over SSH with the host's pinned key, and the
 * number of running VMs from the API (the kvm module is reloaded only when it is zero).
 */
public final class HostPreflight {
    private HostPreflight() {}

    /** Whether the spec and credentials allow the host preflight at all. */
    public static boolean possible(ClusterSpec spec, HostCredentials credentials) {
        return spec.host().sshTarget().isPresent() && credentials.hasSsh();
    }

    /** @param info where the report's lines go */
    public static NestingReport run(
            EngineContext ctx, ClusterSpec spec, HostCredentials credentials, PveClient host, Consumer<String> info)
            throws InterruptedException {
        HostSshTarget t = spec.host().sshTarget().orElseThrow();
        SshTarget target = new SshTarget(t.host(), t.port(), t.user());
        HostKeyPolicy pinned = HostKeyPolicy.pinned(List.of(t.hostKeyFingerprint()));
        try (SshSession ssh = ctx.ssh().connect(target, auth(credentials), pinned)) {
            String node = spec.host().node();
            NestingPreflight preflight = new NestingPreflight(
                    ssh, node, () -> runningVms(host, node), spec.timeouts().command());
            NestingReport report = preflight.run(spec.nesting());
            info.accept(report.summary());
            report.actions().forEach(a -> info.accept("host " + node + ": " + a));
            report.messages().forEach(info);
            return report;
        }
    }

    /** Running VMs on the host node, from {@code GET /nodes/{node}/qemu} (current, not lagging). */
    static int runningVms(PveClient host, String node) {
        return (int) host.vms(node).stream()
                .filter(v -> "running".equals(v.status()))
                .count();
    }

    static SshAuth auth(HostCredentials c) {
        if (c.sshPrivateKeyPem().isPresent()) {
            String pem = c.sshPrivateKeyPem().get().reveal();
            return c.sshKeyPassphrase().isPresent()
                    ? SshAuth.privateKey(pem, c.sshKeyPassphrase().get().reveal())
                    : SshAuth.privateKey(pem);
        }
        return SshAuth.password(c.sshPassword().orElseThrow().reveal());
    }
}
