package io.jenkins.plugins.nestedpve.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret value (token secret, password, private key) that never shows itself: {@link
 * #toString()} is {@code ****}. Deliberately not {@link java.io.Serializable}, so it cannot end up
 * in a serialized build state by accident. Read it with {@link #reveal()} only where it is used.
 */
public final class Secret {
    private static final String REDACTED = "****";

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** Wraps {@code value}; must not be null. */
    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The secret itself. Never log it or put it in a command line or exception message. */
    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    /** Constant-time comparison. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return 0; // equal secrets must hash alike; a constant leaks nothing about the value
    }

    @Override
    public String toString() {
        return REDACTED;
    }
}
