package io.jenkins.plugins.nestedpve.sim.shell;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Password hashes in {@code /etc/shadow}, as {@code chpasswd} writes them and PAM checks them. The
 * hash looks like SHA-512-crypt ({@code $6$salt$...}) but is the simulator's own iterated SHA-512:
 * nothing outside the simulator verifies it.
 */
public final class Shadow {
    private static final int ROUNDS = 5000;
    private static final String SALT_CHARS = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private Shadow() {}

    /** Whether {@code password} is the password of {@code user} according to the machine's shadow file. */
    public static boolean verify(VirtualFs fs, String user, String password) {
        Optional<String> hash = hashOf(fs, user);
        if (hash.isEmpty() || password == null || !hash.get().startsWith("$6$")) {
            return false;
        }
        String[] parts = hash.get().split("\\$");
        if (parts.length != 4) {
            return false;
        }
        return MessageDigest.isEqual(
                hash(password, parts[2]).getBytes(StandardCharsets.UTF_8),
                hash.get().getBytes(StandardCharsets.UTF_8));
    }

    /** The hash field of {@code user}'s shadow line, if the user has one. */
    public static Optional<String> hashOf(VirtualFs fs, String user) {
        for (String line : fs.read(MachineFiles.SHADOW).orElse("").split("\n")) {
            String[] fields = line.split(":", -1);
            if (fields.length > 1 && fields[0].equals(user)) {
                return Optional.of(fields[1]);
            }
        }
        return Optional.empty();
    }

    /** Sets a user's password (adding a shadow line for root if missing), as {@code chpasswd} does. */
    public static void setPassword(VirtualFs fs, String user, String password, Random random, Clock clock) {
        setHash(fs, user, hash(password, salt(random)), clock);
    }

    /** Writes an already hashed password ({@code chpasswd -e}). */
    public static void setHash(VirtualFs fs, String user, String hash, Clock clock) {
        long days = clock.instant().getEpochSecond() / 86400;
        List<String> lines =
                new ArrayList<>(List.of(fs.read(MachineFiles.SHADOW).orElse("").split("\n")));
        lines.removeIf(String::isEmpty);
        boolean found = false;
        for (int i = 0; i < lines.size(); i++) {
            String[] fields = lines.get(i).split(":", -1);
            if (fields[0].equals(user) && fields.length >= 3) {
                fields[1] = hash;
                fields[2] = Long.toString(days);
                lines.set(i, String.join(":", fields));
                found = true;
            }
        }
        if (!found) {
            lines.add(user + ":" + hash + ":" + days + ":0:99999:7:::");
        }
        fs.write(MachineFiles.SHADOW, String.join("\n", lines) + "\n");
    }

    /** Whether the machine knows the user ({@code root}, or a line in /etc/passwd or /etc/shadow). */
    public static boolean userExists(VirtualFs fs, String user) {
        if (user.equals("root")) {
            return true;
        }
        for (String file : List.of(MachineFiles.PASSWD, MachineFiles.SHADOW)) {
            for (String line : fs.read(file).orElse("").split("\n")) {
                if (line.startsWith(user + ":")) {
                    return true;
                }
            }
        }
        return false;
    }

    static String salt(Random random) {
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            sb.append(SALT_CHARS.charAt(random.nextInt(SALT_CHARS.length())));
        }
        return sb.toString();
    }

    /** The {@code $6$salt$digest} string for a password. */
    public static String hash(String password, String salt) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-512");
            byte[] digest = (salt + password).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < ROUNDS; i++) {
                md.update(digest);
                md.update(password.getBytes(StandardCharsets.UTF_8));
                digest = md.digest();
            }
            String encoded =
                    Base64.getEncoder().withoutPadding().encodeToString(digest).replace('+', '.');
            return "$6$" + salt + "$" + encoded;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is part of every Java runtime", e);
        }
    }
}
