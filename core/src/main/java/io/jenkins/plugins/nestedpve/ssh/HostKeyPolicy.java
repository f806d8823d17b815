package io.jenkins.plugins.nestedpve.ssh;

import java.util.List;

/**
 * How the server's host key is judged, chosen explicitly and by name for every connection. There is
 * deliberately no accept-everything and no trust-on-first-use policy: {@link #pinned} is used for the
 * physical host (the key the operator configured) and for fresh guests (the keys read through the
 * guest agent over the host's pinned API before the first connection).
 */
public sealed interface HostKeyPolicy permits PinnedHostKeys {
    /**
     * Accepts only keys whose OpenSSH SHA-256 fingerprint ({@code SHA256:...}) is in {@code
     * fingerprints}; anything else is rejected with a message showing expected and actual.
     *
     * @throws IllegalArgumentException when the list is empty or a fingerprint is not {@code SHA256:}
     */
    static HostKeyPolicy pinned(List<String> fingerprints) {
        return new PinnedHostKeys(fingerprints);
    }

    /** The policy's name for messages: {@code pinned}. */
    String name();

    /**
     * Judges the key {@code presented} by {@code host:port}.
     *
     * @throws HostKeyRejectedException when the key is not acceptable
     */
    void verify(String host, int port, HostKeyFingerprint presented);

    /** Host key algorithms to prefer for {@code host:port} (the type already known), or empty. */
    List<String> preferredAlgorithms(String host, int port);
}
