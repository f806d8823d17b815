package io.jenkins.plugins.nestedpve.ssh;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;

/**
 * A host key as OpenSSH prints it: the key type and the {@code SHA256:} fingerprint (base64 of the
 * SHA-256 of the key blob, unpadded), the same text {@code ssh-keygen -lf key.pub} shows.
 *
 * @param keyType the key's type, e.g. {@code ssh-ed25519}, {@code ecdsa-sha2-nistp256}, {@code ssh-rsa}
 * @param sha256 the fingerprint, {@code SHA256:} followed by 43 base64 characters
 */
public record HostKeyFingerprint(String keyType, String sha256) {
    private static final Pattern SHA256 = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}");

    public HostKeyFingerprint {
        Objects.requireNonNull(keyType, "keyType");
        sha256 = normalize(sha256);
    }

    /** The fingerprint of {@code key}. */
    public static HostKeyFingerprint of(PublicKey key) {
        byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            String text = "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
            return new HostKeyFingerprint(KeyType.fromKey(key).toString(), text);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Checks and normalizes an OpenSSH SHA-256 fingerprint ({@code SHA256:...}; trailing {@code =}
     * padding is dropped). MD5 fingerprints are refused: they are too weak to pin.
     *
     * @throws IllegalArgumentException naming the expected format
     */
    public static String normalize(String fingerprint) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        String text = fingerprint.strip();
        while (text.endsWith("=")) {
            text = text.substring(0, text.length() - 1);
        }
        if (!SHA256.matcher(text).matches()) {
            throw new IllegalArgumentException("not an OpenSSH SHA-256 host key fingerprint: '" + fingerprint
                    + "'; expected SHA256: and 43 base64 characters, as printed by"
                    + " `ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub` (MD5 fingerprints are not accepted)");
        }
        return text;
    }

    /**
     * The host key algorithms to offer first so that the server presents a key of this type again
     * (an RSA key is signed with rsa-sha2-512/256 by current servers, not with ssh-rsa).
     */
    List<String> algorithms() {
        if (keyType.equals(KeyType.RSA.toString())) {
            return List.of("rsa-sha2-512", "rsa-sha2-256", keyType);
        }
        return List.of(keyType);
    }

    /** The file on a Debian/PVE machine that holds the public key of this type, for hints. */
    String hostKeyFile() {
        String kind = "ed25519";
        if (keyType.startsWith("ecdsa-")) {
            kind = "ecdsa";
        } else if (keyType.equals("ssh-rsa")) {
            kind = "rsa";
        }
        return "/etc/ssh/ssh_host_" + kind + "_key.pub";
    }

    @Override
    public String toString() {
        return sha256 + " (" + keyType + ")";
    }
}
