package io.jenkins.plugins.nestedpve.upgrade;

import io.jenkins.plugins.nestedpve.cluster.NestedNode;
import io.jenkins.plugins.nestedpve.events.Outcome;
import io.jenkins.plugins.nestedpve.lifecycle.Pem;
import io.jenkins.plugins.nestedpve.pve.Fingerprint;
import io.jenkins.plugins.nestedpve.pve.FingerprintMismatchException;
import io.jenkins.plugins.nestedpve.pve.PveApiException;
import io.jenkins.plugins.nestedpve.pve.PveTransportException;
import io.jenkins.plugins.nestedpve.ssh.ExecResult;
import io.jenkins.plugins.nestedpve.ssh.SshException;
import io.jenkins.plugins.nestedpve.wait.Deadline;
import java.time.Duration;
import java.util.Optional;

/**
 * Step 6a: reboot, then wait until SSH answers from a new boot and the API answers. A certificate
 * that changed (the upgrade keeps it, but {@code pveupdate} may renew it at first boot, pve-facts
 * §13.4) is re-pinned to the fingerprint read over the SSH session whose host key is pinned, never
 * to what the API presents.
 */
final class Reboot {
    static final String BOOT_ID = "cat /proc/sys/kernel/random/boot_id";
    /** The certificate pveproxy serves: a custom one when present, else the cluster-signed one (pve-facts §1.6). */
    static final String[] CERTIFICATES = {"/etc/pve/local/pveproxy-ssl.pem", "/etc/pve/local/pve-ssl.pem"};

    private Reboot() {}

    static Outcome run(Trial t, NodeState n, StepLog log) throws InterruptedException {
        Deadline deadline = t.polls().after(t.timeouts().reboot());
        NodeShell sh = n.shell(t);
        ExecResult id = sh.run(BOOT_ID, t.timeouts().command());
        String bootBefore = id.ok() ? id.stdout().strip() : "";
        t.nodes().markDown(n.name);
        log.note("rebooting " + n.name);
        try {
            sh.run("reboot", Duration.ofSeconds(10));
        } catch (SshException e) {
            // the session ends with the reboot
        }
        n.closeShell();
        NestedNode node = t.nodes().node(n.name);
        boolean[] sawDown = {false};
        NodeShell back = t.polls()
                .until(
                        n.name,
                        "SSH on " + n.name + " (" + node.address() + ") should answer again after its reboot",
                        remaining(t, deadline),
                        () -> newBoot(t, node, bootBefore, sawDown));
        n.useShell(back);
        log.note("SSH on " + n.name + " answers from a new boot");
        t.polls()
                .until(
                        n.name,
                        "the PVE API of " + n.name + " should answer after its reboot",
                        remaining(t, deadline),
                        () -> apiAnswers(t, n, log));
        t.nodes().markUp(n.name);
        t.nodes().markIdle(n.name);
        log.note("the API of " + n.name + " answers");
        return Outcome.SUCCEEDED;
    }

    private static Optional<NodeShell> newBoot(Trial t, NestedNode node, String bootBefore, boolean[] sawDown)
            throws InterruptedException {
        Optional<NodeShell> s = t.access().tryShell(node);
        if (s.isEmpty()) {
            sawDown[0] = true;
            return Optional.empty();
        }
        try {
            ExecResult id = s.get().run(BOOT_ID, t.timeouts().command());
            String now = id.ok() ? id.stdout().strip() : "";
            boolean rebooted = bootBefore.isEmpty() || now.isEmpty() ? sawDown[0] : !now.equals(bootBefore);
            if (rebooted) {
                return s;
            }
        } catch (SshException e) {
            sawDown[0] = true;
        }
        s.get().close();
        return Optional.empty();
    }

    private static Optional<Boolean> apiAnswers(Trial t, NodeState n, StepLog log) throws InterruptedException {
        try {
            t.nodes().apiOf(n.name).version();
            return Optional.of(true);
        } catch (FingerprintMismatchException e) {
            repin(t, n, log);
            return Optional.empty();
        } catch (PveTransportException | PveApiException e) {
            return Optional.empty();
        }
    }

    /** Reads the served certificate over the pinned SSH session and pins the API to it. */
    static void repin(Trial t, NodeState n, StepLog log) throws InterruptedException {
        Fingerprint served = served(t, n)
                .orElseThrow(() -> new StepFailure("the API certificate of " + n.name + " changed, and its"
                        + " certificate could not be read over SSH to pin the new one"));
        t.nodes().repin(n.name, served);
        log.note("the API certificate of " + n.name + " changed; re-pinned to " + served.value()
                + ", read over SSH (host key pinned)");
    }

    static Optional<Fingerprint> served(Trial t, NodeState n) throws InterruptedException {
        for (String file : CERTIFICATES) {
            ExecResult r = n.shell(t).run("cat " + file, t.timeouts().command());
            if (r.ok()) {
                Optional<Fingerprint> fp = Pem.firstCertificateFingerprint(r.stdout());
                if (fp.isPresent()) {
                    return fp;
                }
            }
        }
        return Optional.empty();
    }

    private static Duration remaining(Trial t, Deadline deadline) {
        Duration d = deadline.remaining();
        return d.isNegative() || d.isZero() ? Duration.ofMillis(1) : d;
    }
}
