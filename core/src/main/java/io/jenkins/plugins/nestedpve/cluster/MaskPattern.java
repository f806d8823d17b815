package io.jenkins.plugins.nestedpve.cluster;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Recognizes one secret in text without holding it: its length, a 32-bit rolling hash to find candidate positions
 * fast, and a salted SHA-256 digest to confirm them. It can therefore be serialized anywhere — program.dat, the
 * listener Pipeline sends to an agent — and still mask there. Meant for high-entropy secrets such as the generated
 * per-cluster root password (24 random letters and digits, about 143 bits): the hash and the digest do not make
 * guessing it feasible. Matching is on UTF-8 bytes. Used by every log that may carry a secret (the Jenkins build
 * log and the command line alike).
 */
public final class MaskPattern implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Multiplier of the rolling hash (arithmetic mod 2^32 through int overflow); odd, so it is invertible. */
    private static final int BASE = 0x01000193;

    private static final int SALT_BYTES = 16;

    private final int length;
    private final int rollingHash;
    private final byte[] salt;
    private final byte[] digest;

    private MaskPattern(int length, int rollingHash, byte[] salt, byte[] digest) {
        this.length = length;
        this.rollingHash = rollingHash;
        this.salt = salt;
        this.digest = digest;
    }

    /** The pattern of {@code secret}, with a fresh random salt. */
    public static MaskPattern of(String secret) {
        return of(secret, new SecureRandom());
    }

    public static MaskPattern of(String secret, SecureRandom random) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0) {
            throw new IllegalArgumentException("nothing to mask");
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new MaskPattern(bytes.length, hash(bytes, 0, bytes.length), salt, digest(salt, bytes, 0, bytes.length));
    }

    /** The secret's length in bytes: a match needs that many. */
    int length() {
        return length;
    }

    /**
     * The start of every window of {@code text[0, end)} whose rolling hash is the secret's: the candidates, which
     * {@link #matchesAt} confirms. Returned as a boolean per start position.
     */
    boolean[] candidates(byte[] text, int end) {
        boolean[] at = new boolean[Math.max(0, end)];
        if (end < length) {
            return at;
        }
        int power = 1; // BASE^(length-1)
        for (int i = 1; i < length; i++) {
            power *= BASE;
        }
        int h = hash(text, 0, length);
        for (int i = 0; ; i++) {
            at[i] = h == rollingHash;
            if (i + length >= end) {
                return at;
            }
            h = (h - (text[i] & 0xff) * power) * BASE + (text[i + length] & 0xff);
        }
    }

    /** Whether the secret is at {@code text[from, from + length)}. */
    boolean matchesAt(byte[] text, int from) {
        return from + length <= text.length && MessageDigest.isEqual(digest, digest(salt, text, from, length));
    }

    private static int hash(byte[] b, int from, int len) {
        int h = 0;
        for (int i = from; i < from + len; i++) {
            h = h * BASE + (b[i] & 0xff);
        }
        return h;
    }

    private static byte[] digest(byte[] salt, byte[] b, int from, int len) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(b, from, len);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "MaskPattern[" + MaskingOutputStream.MASK + "]";
    }
}
