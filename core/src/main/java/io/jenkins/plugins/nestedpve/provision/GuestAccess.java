package io.jenkins.plugins.nestedpve.provision;

import io.jenkins.plugins.nestedpve.lifecycle.Pem;
import io.jenkins.plugins.nestedpve.pve.Fingerprint;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.PveCredentials;
import io.jenkins.plugins.nestedpve.pve.PveTransportException;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.ssh.ExecResult;
import io.jenkins.plugins.nestedpve.ssh.HostKeyPolicy;
import io.jenkins.plugins.nestedpve.ssh.LineSink;
import io.jenkins.plugins.nestedpve.ssh.SensitiveCommand;
import io.jenkins.plugins.nestedpve.ssh.SshAuth;
import io.jenkins.plugins.nestedpve.ssh.SshDisconnectedException;
import io.jenkins.plugins.nestedpve.ssh.SshSession;
import io.jenkins.plugins.nestedpve.ssh.SshTarget;
import io.jenkins.plugins.nestedpve.wait.Deadline;
import java.time.Duration;
import java.util.Optional;

/**
 * How the engine reaches a guest: SSH as root with the cluster's key, the host key pinned to what
 * the guest agent read (see {@link GuestTrust}), and the guest's API as {@code root@pam} with a
 * ticket, pinned to the fingerprint read over that verified SSH session.
 */
final class GuestAccess {
    private final RunContext run;
    private final ClusterSpec spec;

    GuestAccess(RunContext run, ClusterSpec spec) {
        this.run = run;
        this.spec = spec;
    }

    /**
     * Connects as root with the cluster's own key, which the guest agent placed (see {@link
     * GuestTrust}), and proves the session with a harmless command, retrying refused connections
     * and sessions dropped right after login (sshd restarting while the guest boots) until {@code
     * deadline}.
     */
    SshSession connect(String address, HostKeyPolicy policy, Deadline deadline) throws InterruptedException {
        SshTarget target = new SshTarget(address, spec.guestSshPort(), "root");
        SshAuth auth = run.clusterKey().auth();
        int attempt = 0;
        while (true) {
            SshSession s = run.ctx().ssh().connectWithRetry(target, auth, policy, deadline);
            try {
                s.run("hostname", spec.timeouts().command());
                return s;
            } catch (SshDisconnectedException e) {
                s.close();
                if (deadline.expired()) {
                    throw e;
                }
                run.ctx().sleeper().sleep(deadline.cap(run.ctx().poll().delay(attempt++)));
            } catch (RuntimeException | InterruptedException e) {
                s.close();
                throw e;
            }
        }
    }

    /** A root@pam ticket client for the guest, pinned to {@code pin}; closed when the provisioning ends. */
    PveClient api(String address, String name, Fingerprint pin) {
        PveClient client = run.ctx()
                .pveClients()
                .connect(
                        address,
                        spec.guestApiPort(),
                        name,
                        pin,
                        PveCredentials.rootTicket(run.rootPassword().reveal()));
        return run.footprint().opened(client);
    }

    /**
     * Waits until the guest's API answers (pveproxy restarts after certificate changes), logged in
     * as root@pam; connection failures are retried until {@code deadline}.
     */
    void awaitApi(PveClient api, String name, String address, Deadline deadline) throws InterruptedException {
        run.waiter()
                .until(
                        "the PVE API of " + name + " on " + address + ":" + spec.guestApiPort() + " should answer",
                        deadline,
                        run.ctx().poll(),
                        () -> {
                            try {
                                return Optional.of(api.version());
                            } catch (PveTransportException e) {
                                return Optional.empty();
                            }
                        });
    }

    /**
     * The fingerprint of the certificate the guest serves, read over the trusted SSH session:
     * {@code pveproxy-ssl.pem} when present (custom certificate), else {@code pve-ssl.pem} (pve-facts
     * §1.6), hashed here. Empty when neither can be read.
     */
    Optional<Fingerprint> servedFingerprint(SshSession ssh) throws InterruptedException {
        Duration t = spec.timeouts().command();
        for (String file : new String[] {"/etc/pve/local/pveproxy-ssl.pem", "/etc/pve/local/pve-ssl.pem"}) {
            ExecResult r = ssh.run("cat " + file, t);
            if (r.ok()) {
                Optional<Fingerprint> fp = Pem.firstCertificateFingerprint(r.stdout());
                if (fp.isPresent()) {
                    return fp;
                }
            }
        }
        return Optional.empty();
    }

    /** The SSH session as the identity step's runner, feeding secrets through stdin only. */
    static SecretInputRunner runner(SshSession ssh) {
        return new SecretInputRunner() {
            @Override
            public ExecResult run(String command, Duration timeout) throws InterruptedException {
                return ssh.run(command, timeout);
            }

            @Override
            public ExecResult runWithSecretInput(String command, String secretInput, Duration timeout)
                    throws InterruptedException {
                SensitiveCommand c =
                        SensitiveCommand.of(command, firstWord(command)).withStdin(secretInput);
                return ssh.exec(c, timeout, LineSink.DISCARD, LineSink.DISCARD);
            }
        };
    }

    private static String firstWord(String command) {
        String w = command.strip().split("\\s+")[0].replace("'", "");
        return w.matches("[A-Za-z0-9_./-]{1,40}") ? w : "command";
    }
}
