package io.jenkins.plugins.nestedpve.ssh;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Host keys learned by {@link HostKeyPolicy#acceptNewAndLog} during one run, keyed by {@code
 * host:port}. In memory and thread-safe. The lifecycle reads the learned fingerprint to pin it
 * later, and {@link #forget forgets} a key after it regenerated the machine's host keys itself.
 */
public final class KnownKeys {
    private final Map<String, HostKeyFingerprint> keys = new ConcurrentHashMap<>();

    /** The key learned for {@code host:port}, if any. */
    public Optional<HostKeyFingerprint> get(String host, int port) {
        return Optional.ofNullable(keys.get(key(host, port)));
    }

    /** The {@code SHA256:} fingerprint learned for {@code host:port}, if any. */
    public Optional<String> fingerprint(String host, int port) {
        return get(host, port).map(HostKeyFingerprint::sha256);
    }

    /** Records {@code key} for {@code host:port}, replacing what was known (e.g. a key read out of band). */
    public void remember(String host, int port, HostKeyFingerprint key) {
        keys.put(key(host, port), Objects.requireNonNull(key, "key"));
    }

    /**
     * Forgets the key of {@code host:port}, so that the next connection learns the new one. Call it
     * only after changing the machine's host keys on purpose.
     *
     * @return whether a key was known
     */
    public boolean forget(String host, int port) {
        return keys.remove(key(host, port)) != null;
    }

    /** Number of hosts with a learned key. */
    public int size() {
        return keys.size();
    }

    /** Records {@code key} unless a key is known; returns the key known before, or null. Atomic. */
    HostKeyFingerprint learnIfAbsent(String host, int port, HostKeyFingerprint key) {
        return keys.putIfAbsent(key(host, port), key);
    }

    private static String key(String host, int port) {
        return new SshTarget(host, port, "any").hostPort();
    }

    @Override
    public String toString() {
        return "KnownKeys[" + keys.size() + " hosts]";
    }
}
