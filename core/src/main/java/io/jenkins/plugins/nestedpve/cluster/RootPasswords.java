package io.jenkins.plugins.nestedpve.cluster;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Generates the per-cluster root password of the guests: {@value #LENGTH} characters of {@code
 * [A-Za-z0-9]} (about 142 bits). Letters and digits only, so it survives every transport unchanged
 * (stdin of {@code chpasswd}, the join API's form or JSON body).
 */
public final class RootPasswords {
    /** Password length in characters. */
    public static final int LENGTH = 24;

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final RandomGenerator random;

    /** With a {@link SecureRandom}. */
    public RootPasswords() {
        this(new SecureRandom());
    }

    /** With {@code random}; production code passes a {@link SecureRandom}. */
    public RootPasswords(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new password. */
    public Secret next() {
        StringBuilder s = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return Secret.of(s.toString());
    }
}
