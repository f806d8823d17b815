package io.jenkins.plugins.nestedpve.provision;

import io.jenkins.plugins.nestedpve.events.Healing;
import io.jenkins.plugins.nestedpve.events.Heartbeat;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.lifecycle.Pem;
import io.jenkins.plugins.nestedpve.pve.Fingerprint;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.PveCredentials;
import io.jenkins.plugins.nestedpve.pve.PveTransportException;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.ssh.ExecResult;
import io.jenkins.plugins.nestedpve.ssh.HostKeyPolicy;
import io.jenkins.plugins.nestedpve.ssh.LineSink;
import io.jenkins.plugins.nestedpve.ssh.ResilientShell;
import io.jenkins.plugins.nestedpve.ssh.SensitiveCommand;
import io.jenkins.plugins.nestedpve.ssh.SshAuth;
import io.jenkins.plugins.nestedpve.ssh.SshDisconnectedException;
import io.jenkins.plugins.nestedpve.ssh.SshSession;
import io.jenkins.plugins.nestedpve.ssh.SshTarget;
import io.jenkins.plugins.nestedpve.wait.Deadline;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the engine reaches a guest: SSH as root with the cluster's key, the host key pinned to what
 * the guest agent read (see {@link GuestTrust}), and the guest's API as {@code root@pam} with a
 * ticket, pinned to the fingerprint read over that verified SSH session.
 */
final class GuestAccess {
    /** How often one guest command is run again on a new connection after drops. */
    static final int SSH_RERUNS = ResilientShell.RERUNS;

    private final RunContext run;
    /** One shell per guest session handed out, so a session opened after a drop is used from then on. */
    private final Map<SshSession, ResilientShell> shells = Collections.synchronizedMap(new IdentityHashMap<>());

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

    /**
     * The guest's shell over {@code ssh} (a session from {@link #connect}): an idempotent command ({@link
     * CommandRunner#runIdempotent}) runs again on a new connection after a drop, with the host key the
     * session verified pinned; a plain one reports the drop (its outcome is unknown). The same shell is
     * returned for the same session, so later commands use the new connection. Each re-run is reported as
     * a {@link Healing} of the phase the calling thread runs. Each new session is closed when the
     * provisioning ends. One caller at a time per guest.
     */
    ResilientShell shell(SshSession ssh) {
        return shells.computeIfAbsent(ssh, first -> {
            String address = first.target().host();
            HostKeyPolicy pinned = HostKeyPolicy.pinned(List.of(first.hostKey().sha256()));
            return new ResilientShell(
                    first,
                    () -> run.footprint()
                            .opened(connect(
                                    address,
                                    pinned,
                                    run.deadline(spec.timeouts().ssh()))),
                    SSH_RERUNS,
                    observer(address));
        });
    }

    private ResilientShell.Observer observer(String address) {
        return new ResilientShell.Observer() {
            @Override
            public void reran(String activity, String why) {
                healed(
                        Healing.Action.RETRIED,
                        "SSH dropped during " + activity + "; ran it again on a new connection",
                        why);
            }

            @Override
            public void reconciled(String activity, boolean tookEffect, String why) {
                healed(
                        Healing.Action.RECONCILED,
                        "SSH dropped during " + activity + "; it had "
                                + (tookEffect ? "taken effect" : "not taken effect: ran it again"),
                        why);
            }

            private void healed(Healing.Action action, String what, String why) {
                run.listener()
                        .healed(new Healing(
                                action,
                                Heartbeat.currentPhase().orElse(Phase.SSH),
                                nodeAt(address),
                                what + " (after: " + Healing.firstLine(why) + ")"));
            }
        };
    }

    /** The name of the guest at {@code address}, as the footprint knows it (else the address). */
    private String nodeAt(String address) {
        return run.footprint().guests().stream()
                .filter(g -> address.equals(g.address()))
                .map(Footprint.GuestSighting::name)
                .findFirst()
                .orElse(address);
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
        ResilientShell shell = shell(ssh);
        for (String file : new String[] {"/etc/pve/local/pveproxy-ssl.pem", "/etc/pve/local/pve-ssl.pem"}) {
            ExecResult r = shell.runIdempotent("cat " + file, t);
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
