package io.jenkins.plugins.nestedpve.provision;

import io.jenkins.plugins.nestedpve.cluster.NestedNode;
import io.jenkins.plugins.nestedpve.host.GuestNesting;
import io.jenkins.plugins.nestedpve.pve.Fingerprint;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.ssh.SshSession;
import java.util.Objects;

/**
 * After the identify phase (IDENTITY, then NESTING_CHECK): the guest has its own hostname, {@code
 * /etc/hosts}, machine-id, root password and regenerated certificate; {@code api} is a root@pam
 * client pinned to the certificate read over the verified SSH session and answering; its nesting
 * mode is known.
 *
 * @param reachable the guest as reached
 * @param apiFingerprint the pinned fingerprint of its API certificate
 * @param api its API client (closed when the provisioning ends)
 * @param nesting what the guest's nesting check found
 */
record IdentifiedGuest(ReachableGuest reachable, Fingerprint apiFingerprint, PveClient api, GuestNesting nesting) {
    IdentifiedGuest {
        Objects.requireNonNull(apiFingerprint, "apiFingerprint");
        Objects.requireNonNull(api, "api");
    }

    String name() {
        return reachable.name();
    }

    String address() {
        return reachable.address();
    }

    SshSession ssh() {
        return reachable.ssh();
    }

    /** Which guest of the spec it is. */
    GuestSlot slot() {
        return reachable.booted().slot();
    }

    /** The same guest with a re-pinned API certificate and the client for it. */
    IdentifiedGuest repinned(Fingerprint fingerprint, PveClient client) {
        return new IdentifiedGuest(reachable, fingerprint, client, nesting);
    }

    /** The result record of this guest. */
    NestedNode toNestedNode(int apiPort, int sshPort) {
        return new NestedNode(
                name(), reachable.vmid(), address(), apiFingerprint.value(), reachable.sshHostKey(), apiPort, sshPort);
    }
}
