package io.jenkins.plugins.nestedpve.ssh;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Objects;

/**
 * An SSH key pair made in memory for one cluster ({@code ecdsa-sha2-nistp256}, RFC 5656): its public
 * half is placed in the guests' {@code authorized_keys}, its private half never leaves this object
 * (it is not written to disk, a log, the descriptor or {@code toString}) and dies with the run.
 */
public final class GeneratedSshKey {
    private static final String TYPE = "ecdsa-sha2-nistp256";
    private static final int COORDINATE_BYTES = 32;

    private final KeyPair pair;

    private GeneratedSshKey(KeyPair pair) {
        this.pair = pair;
    }

    /** A new key pair from a {@link SecureRandom}. */
    public static GeneratedSshKey generate() {
        return generate(new SecureRandom());
    }

    /** A new key pair from {@code random}; production code passes a {@link SecureRandom}. */
    public static GeneratedSshKey generate(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), random);
            return new GeneratedSshKey(g.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the Java runtime cannot generate a P-256 key pair", e);
        }
    }

    /** Log in with this key. */
    public SshAuth auth() {
        return SshAuth.keyPair(pair);
    }

    /** The {@code authorized_keys} line: {@code ecdsa-sha2-nistp256 AAAA… comment}. */
    public String publicKeyLine(String comment) {
        if (!comment.matches("[A-Za-z0-9@._-]{1,100}")) {
            throw new IllegalArgumentException("a key comment is 1 to 100 of [A-Za-z0-9@._-]");
        }
        return TYPE + " " + Base64.getEncoder().encodeToString(blob()) + " " + comment;
    }

    /** The OpenSSH SHA-256 fingerprint of the public key ({@code SHA256:…}), safe to log. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob());
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /** The public key blob: string type, string curve, string Q (uncompressed point). */
    private byte[] blob() {
        ECPublicKey pub = (ECPublicKey) pair.getPublic();
        ByteArrayOutputStream q = new ByteArrayOutputStream();
        q.write(4);
        q.writeBytes(fixed(pub.getW().getAffineX()));
        q.writeBytes(fixed(pub.getW().getAffineY()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        string(out, TYPE.getBytes(StandardCharsets.US_ASCII));
        string(out, "nistp256".getBytes(StandardCharsets.US_ASCII));
        string(out, q.toByteArray());
        return out.toByteArray();
    }

    private static byte[] fixed(BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[COORDINATE_BYTES];
        int copy = Math.min(raw.length, COORDINATE_BYTES);
        System.arraycopy(raw, raw.length - copy, out, COORDINATE_BYTES - copy, copy);
        return out;
    }

    private static void string(ByteArrayOutputStream out, byte[] value) {
        int n = value.length;
        out.write(n >>> 24);
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
        out.writeBytes(value);
    }

    @Override
    public String toString() {
        return "GeneratedSshKey[" + TYPE + " " + fingerprint() + ", private=<redacted>]";
    }
}
