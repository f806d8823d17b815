package io.jenkins.plugins.nestedpve.ssh;

import java.util.List;
import java.util.Objects;

/** {@link HostKeyPolicy#pinned}: only the configured fingerprints are accepted. */
final class PinnedHostKeys implements HostKeyPolicy {
    private final List<String> fingerprints;

    PinnedHostKeys(List<String> fingerprints) {
        Objects.requireNonNull(fingerprints, "fingerprints");
        if (fingerprints.isEmpty()) {
            throw new IllegalArgumentException("a pinned host key policy needs at least one SHA256: fingerprint");
        }
        this.fingerprints =
                fingerprints.stream().map(HostKeyFingerprint::normalize).toList();
    }

    @Override
    public String name() {
        return "pinned";
    }

    @Override
    public void verify(String host, int port, HostKeyFingerprint presented) {
        if (fingerprints.contains(presented.sha256())) {
            return;
        }
        String hostPort = new SshTarget(host, port, "any").hostPort();
        String expected = fingerprints.size() == 1 ? fingerprints.get(0) : "one of " + fingerprints;
        throw new HostKeyRejectedException(
                hostPort,
                name(),
                fingerprints,
                presented,
                "host key of " + hostPort + " does not match the pinned fingerprint: expected " + expected
                        + ", got " + presented.sha256() + " (" + presented.keyType() + ") (policy pinned)."
                        + " If the host was reinstalled, check its key on the console with `ssh-keygen -lf "
                        + presented.hostKeyFile() + "` and update the pinned fingerprint;"
                        + " otherwise the connection may be intercepted");
    }

    @Override
    public List<String> preferredAlgorithms(String host, int port) {
        // A fingerprint does not tell the key type; the server's own preference decides.
        return List.of();
    }

    @Override
    public String toString() {
        return "HostKeyPolicy[pinned " + fingerprints + "]";
    }
}
