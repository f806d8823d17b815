package io.jenkins.plugins.nestedpve.provision;

import io.jenkins.plugins.nestedpve.NestedPveException;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.host.GuestNesting;
import io.jenkins.plugins.nestedpve.host.GuestNestingCheck;
import io.jenkins.plugins.nestedpve.pve.Fingerprint;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import java.util.Optional;

/**
 * The identify phase of one guest (IDENTITY, then NESTING_CHECK), giving an {@link
 * IdentifiedGuest}: over the SSH session whose host key the agent vouched for, the guest gets its
 * own identity ({@link GuestIdentity}, pve-facts §5.1), its API certificate is pinned and its API
 * awaited; then its nesting is checked (pve-facts §6).
 */
final class IdentifyPhase {
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
        GuestNesting nesting = run.phases().run(Phase.NESTING_CHECK, guest.name(), () -> nestingCheck(guest));
        return new IdentifiedGuest(guest, pinned.fingerprint(), pinned.api(), nesting);
    }

    /** The guest's API client and the fingerprint it is pinned to. */
    private record Pinned(Fingerprint fingerprint, PveClient api) {}

    private Pinned identity(ReachableGuest guest) throws InterruptedException {
        GuestIdentity identity =
                new GuestIdentity(guest.name(), guest.address(), GuestIdentity.DEFAULT_DOMAIN, run.rootPassword());
        IdentityResult result =
                identity.apply(GuestAccess.runner(guest.ssh()), spec.timeouts().command());
        Fingerprint fingerprint = apiFingerprint(guest, result);
        PveClient api = access.api(guest.address(), guest.name(), fingerprint);
        access.awaitApi(
                api, guest.name(), guest.address(), run.deadline(spec.timeouts().command()));
        return new Pinned(fingerprint, api);
    }

    /**
     * The certificate fingerprint to pin, read over the SSH session whose host key is pinned. There
     * is no trust-on-first-use fallback: the API login that follows sends the cluster root password.
     */
    private Fingerprint apiFingerprint(ReachableGuest guest, IdentityResult result) throws InterruptedException {
        Optional<Fingerprint> read = access.servedFingerprint(guest.ssh());
        if (read.isPresent()) {
            return read.get();
        }
        if (result.apiFingerprintIfRead().isPresent()) {
            return Fingerprint.parse(result.apiFingerprint());
        }
        throw new NestedPveException("could not read the API certificate of " + guest.name() + " over SSH"
                + " (/etc/pve/local/pveproxy-ssl.pem or pve-ssl.pem, nor with openssl); its fingerprint cannot be"
                + " pinned — check that pve-cluster runs on the guest and /etc/pve/local is readable");
    }

    private GuestNesting nestingCheck(ReachableGuest guest) throws InterruptedException {
        GuestNesting nesting = new GuestNestingCheck(spec.timeouts().command())
                .check(access.shell(guest.ssh()), guest.name(), spec.nesting(), validated.hostMode());
        run.info(guest.name() + " nesting: " + nesting.mode().label());
        return nesting;
    }
}
