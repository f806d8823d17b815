package io.jenkins.plugins.nestedpve.lifecycle;

import io.jenkins.plugins.nestedpve.cluster.HostCredentials;
import io.jenkins.plugins.nestedpve.host.NestingPreflight;
import io.jenkins.plugins.nestedpve.host.NestingReport;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.spec.HostSshTarget;
import io.jenkins.plugins.nestedpve.ssh.HostKeyPolicy;
import io.jenkins.plugins.nestedpve.ssh.SshAuth;
import io.jenkins.plugins.nestedpve.ssh.SshSession;
import io.jenkins.plugins.nestedpve.ssh.SshTarget;
import java.util.List;

/**
 * Phase 1: the nesting preflight on the physical host, over SSH with the host's pinned key, and the
 * number of running VMs from the API (the kvm module is reloaded only when it is zero).
 */
final class HostPreflight {
    private HostPreflight() {}

    /** Whether the spec and credentials allow the host preflight at all. */
    static boolean possible(ProvisionRun run) {
        return run.spec.host().sshTarget().isPresent() && run.hostCredentials.hasSsh();
    }

    static NestingReport run(ProvisionRun run) throws InterruptedException {
        HostSshTarget t = run.spec.host().sshTarget().orElseThrow();
        SshTarget target = new SshTarget(t.host(), t.port(), t.user());
        HostKeyPolicy pinned = HostKeyPolicy.pinned(List.of(t.hostKeyFingerprint()));
        try (SshSession ssh = run.ctx.ssh().connect(target, auth(run.hostCredentials), pinned)) {
            String node = run.spec.host().node();
            NestingPreflight preflight = new NestingPreflight(
                    ssh,
                    node,
                    () -> runningVms(run.host, node),
                    run.spec.timeouts().command());
            NestingReport report = preflight.run(run.spec.nesting());
            run.info(report.summary());
            report.actions().forEach(a -> run.info("host " + node + ": " + a));
            report.messages().forEach(run::info);
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
