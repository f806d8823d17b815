package io.jenkins.plugins.nestedpve.ssh;

import java.util.List;
import java.util.function.Consumer;

/**
 * How the server's host key is judged, chosen explicitly and by name for every connection. There is
 * deliberately no accept-everything policy.
 *
 * <ul>
 *   <li>{@link #pinned}: for the physical host, whose key the operator configured;
 *   <li>{@link #acceptNewAndLog}: for freshly cloned guests, whose key nobody can know in advance;
 *       like OpenSSH's {@code StrictHostKeyChecking=accept-new}.
 * </ul>
 */
public sealed interface HostKeyPolicy permits PinnedHostKeys, AcceptNewHostKeys {
    /**
     * Accepts only keys whose OpenSSH SHA-256 fingerprint ({@code SHA256:...}) is in {@code
     * fingerprints}; anything else is rejected with a message showing expected and actual.
     *
     * @throws IllegalArgumentException when the list is empty or a fingerprint is not {@code SHA256:}
     */
    static HostKeyPolicy pinned(List<String> fingerprints) {
        return new PinnedHostKeys(fingerprints);
    }

    /**
     * Trusts the first key seen for a {@code host:port}, records it in {@code store} and logs
     * "accepted new host key SHA256:... for host:port (policy accept-new)"; a different key later for
     * the same {@code host:port} is rejected unless the caller {@link KnownKeys#forget forgot} it.
     *
     * @param log receives one line per newly accepted key (e.g. the build log)
     */
    static HostKeyPolicy acceptNewAndLog(KnownKeys store, Consumer<String> log) {
        return new AcceptNewHostKeys(store, log);
    }

    /** The policy's name for messages: {@code pinned} or {@code accept-new}. */
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
