package io.jenkins.plugins.nestedpve.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * OpenSSH public host keys ({@code <type> <base64 blob> [comment]}, as in {@code
 * /etc/ssh/ssh_host_*_key.pub}) and their SHA-256 fingerprints ({@code SHA256:} + unpadded base64
 * of the SHA-256 of the blob, as {@code ssh-keygen -l} prints them).
 */
public final class SshHostKeys {
    /**
     * One host key.
     *
     * @param type e.g. {@code ssh-ed25519}
     * @param fingerprint {@code SHA256:…}
     */
    public record HostKey(String type, String fingerprint) {}

    private SshHostKeys() {}

    /** Every parsable key line in {@code text}, in order; other lines are ignored. */
    public static List<HostKey> parse(String text) {
        List<HostKey> keys = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length >= 2 && (parts[0].startsWith("ssh-") || parts[0].startsWith("ecdsa-"))) {
                fingerprint(parts[1]).ifPresent(fp -> keys.add(new HostKey(parts[0], fp)));
            }
        }
        return List.copyOf(keys);
    }

    /** The fingerprint of a base64 key blob, or empty when it is not base64. */
    public static Optional<String> fingerprint(String base64Blob) {
        try {
            byte[] blob = Base64.getDecoder().decode(base64Blob.getBytes(StandardCharsets.US_ASCII));
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return Optional.of("SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /** The key an SSH client is most likely to be offered: ed25519, else ECDSA, else RSA, else the first. */
    public static Optional<HostKey> preferred(List<HostKey> keys) {
        for (String type : List.of("ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa")) {
            Optional<HostKey> k =
                    keys.stream().filter(h -> h.type().equals(type)).findFirst();
            if (k.isPresent()) {
                return k;
            }
        }
        return keys.stream().findFirst();
    }
}
