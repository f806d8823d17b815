package io.jenkins.plugins.nestedpve.cluster;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The installation's secret that signs its {@link OwnershipMarker}s (HMAC-SHA256): only a marker
 * signed with it, for the VMID it is found on, proves that this installation created the VM. The
 * installation id is public (it is in every VM's description); this key never leaves the
 * installation's own store (the CLI's state directory with mode 600, the plugin's encrypted
 * configuration) and never shows in a log, a VM description or {@link #toString()}.
 */
public final class MarkerKey {
    /** Key length in bytes. */
    public static final int LENGTH = 32;

    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] key;

    private MarkerKey(byte[] key) {
        if (key.length < LENGTH) {
            throw new IllegalArgumentException("a marker key needs at least " + LENGTH + " bytes, got " + key.length);
        }
        this.key = key.clone();
    }

    /** A new random key. */
    public static MarkerKey generate() {
        byte[] k = new byte[LENGTH];
        new SecureRandom().nextBytes(k);
        return new MarkerKey(k);
    }

    /**
     * The key stored as {@link #encoded()}.
     *
     * @throws IllegalArgumentException when the text is not base64 of at least {@value #LENGTH} bytes
     *     (the message never repeats the text)
     */
    public static MarkerKey decode(String encoded) {
        try {
            return new MarkerKey(Base64.getDecoder().decode(encoded.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the marker key is not base64 of " + LENGTH + " bytes");
        }
    }

    /** The key as base64, for the installation's own store only. */
    public String encoded() {
        return Base64.getEncoder().encodeToString(key);
    }

    /** The signature of {@code payload}: base64url HMAC-SHA256, without padding. */
    public String sign(String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** Whether {@code signature} is this key's signature of {@code payload} (constant-time). */
    public boolean verifies(String payload, String signature) {
        return signature != null
                && MessageDigest.isEqual(
                        sign(payload).getBytes(StandardCharsets.US_ASCII),
                        signature.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MarkerKey other && MessageDigest.isEqual(key, other.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "MarkerKey[****]";
    }
}
