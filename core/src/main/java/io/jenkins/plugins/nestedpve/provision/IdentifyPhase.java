package io.jenkins.plugins.nestedpve.provision;

import io.jenkins.plugins.nestedpve.NestedPveException;
import io.jenkins.plugins.nestedpve.events.Healing;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.host.GuestNesting;
import io.jenkins.plugins.nestedpve.host.GuestNestingCheck;
import io.jenkins.plugins.nestedpve.pve.Fingerprint;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.ssh.ExecResult;
import io.jenkins.plugins.nestedpve.ssh.HostKeyPolicy;
import io.jenkins.plugins.nestedpve.ssh.ResilientShell;
import io.jenkins.plugins.nestedpve.ssh.SensitiveCommand;
import io.jenkins.plugins.nestedpve.ssh.SshSession;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The identify phase of one guest (IDENTITY, then NESTING_CHECK), giving an {@link
 * IdentifiedGuest}: over the SSH session whose host key the agent vouched for, the guest gets its
 * own identity in one idempotent script ({@link GuestIdentity}, pve-facts §5.1; run again on a new
 * connection after a drop), its API certificate is pinned and its API awaited; then its nesting is
 * checked (pve-facts §6).
 */
final class IdentifyPhase {
    /** How often the identity script may run again after dropped connections. */
    private static final int MAX_RERUNS = ResilientShell.RERUNS;

    private final RunContext run;
    private final ClusterSpec spec;
    private final Validated validated;
    private final GuestAccess access;

    IdentifyPhase(RunContext run, ClusterSpec spec, Validated validated, GuestAccess access) {
        this.run = run;
        this.spec = spec;
        this.validated = validated;
        this.access = access;
    }

    IdentifiedGuest run(ReachableGuest guest) {
        Pinned pinned = run.phases().run(Phase.IDENTITY, guest.name(), () -> identity(guest));
        ReachableGuest current = pinned.guest();
        GuestNesting nesting = run.phases().run(Phase.NESTING_CHECK, current.name(), () -> nestingCheck(current));
        return new IdentifiedGuest(current, pinned.fingerprint(), pinned.api(), nesting);
    }

    /** The guest (with the session the identity ended on), its API client and the fingerprint it is pinned to. */
    private record Pinned(ReachableGuest guest, Fingerprint fingerprint, PveClient api) {}

    private Pinned identity(ReachableGuest guest) throws InterruptedException {
        GuestIdentity identity =
                new GuestIdentity(guest.name(), guest.address(), GuestIdentity.DEFAULT_DOMAIN, run.rootPassword());
        ResilientShell shell = shell(guest);
        IdentityResult result = identity.apply(runner(shell), spec.timeouts().command());
        SshSession session = shell.session();
        ReachableGuest current = session == guest.ssh()
                ? guest
                : new ReachableGuest(guest.booted(), guest.address(), session, guest.sshHostKey());
        Fingerprint fingerprint = apiFingerprint(current, result);
        PveClient api = access.api(current.address(), current.name(), fingerprint);
        access.awaitApi(
                api,
                current.name(),
                current.address(),
                run.deadline(spec.timeouts().command()));
        return new Pinned(current, fingerprint, api);
    }

    /**
     * The guest's session, opened again after a drop with the host key it verified pinned; the identity
     * script runs again on the new connection (it is idempotent), and each re-run is reported.
     */
    private ResilientShell shell(ReachableGuest guest) {
        HostKeyPolicy policy = HostKeyPolicy.pinned(List.of(guest.sshHostKey()));
        ResilientShell.Observer heard = new ResilientShell.Observer() {
            @Override
            public void reran(String activity, String why) {
                run.listener()
                        .healed(new Healing(
                                Healing.Action.RETRIED,
                                Phase.IDENTITY,
                                guest.name(),
                                "SSH dropped during " + activity + " (" + Healing.firstLine(why)
                                        + "); ran it again on a new connection"));
            }
        };
        return new ResilientShell(
                guest.ssh(),
                () -> run.footprint()
                        .opened(access.connect(
                                guest.address(),
                                policy,
                                run.deadline(spec.timeouts().ssh()))),
                MAX_RERUNS,
                heard);
    }

    /** The resilient shell as the identity's runner: the script with its secret input, re-run after a drop. */
    private static SecretInputRunner runner(ResilientShell shell) {
        return new SecretInputRunner() {
            @Override
            public ExecResult run(String command, Duration timeout) throws InterruptedException {
                return shell.runIdempotent(command, timeout);
            }

            @Override
            public ExecResult runWithSecretInput(String command, String secretInput, Duration timeout)
                    throws InterruptedException {
                return runIdempotentWithSecretInput(command, "command", secretInput, timeout);
            }

            @Override
            public ExecResult runIdempotentWithSecretInput(
                    String command, String label, String secretInput, Duration timeout) throws InterruptedException {
                return shell.runIdempotent(SensitiveCommand.of(command, label).withStdin(secretInput), timeout);
            }
        };
    }

    /**
     * The certificate fingerprint to pin, as the identity script printed it over the SSH session whose
     * host key is pinned, else read again over it. There is no trust-on-first-use fallback: the API
     * login that follows sends the cluster root password.
     */
    private Fingerprint apiFingerprint(ReachableGuest guest, IdentityResult result) throws InterruptedException {
        if (result.apiFingerprintIfRead().isPresent()) {
            return Fingerprint.parse(result.apiFingerprint());
        }
        Optional<Fingerprint> read = access.servedFingerprint(guest.ssh());
        if (read.isPresent()) {
            return read.get();
        }
        throw new NestedPveException("could not read the API certificate of " + guest.name() + " over SSH"
                + " (/etc/pve/local/pveproxy-ssl.pem or pve-ssl.pem); its fingerprint cannot be"
                + " pinned — check that pve-cluster runs on the guest and /etc/pve/local is readable");
    }

    private GuestNesting nestingCheck(ReachableGuest guest) throws InterruptedException {
        GuestNesting nesting = new GuestNestingCheck(spec.timeouts().command())
                .check(access.shell(guest.ssh()), guest.name(), spec.nesting(), validated.hostMode());
        run.info(guest.name() + " nesting: " + nesting.mode().label());
        return nesting;
    }
}
