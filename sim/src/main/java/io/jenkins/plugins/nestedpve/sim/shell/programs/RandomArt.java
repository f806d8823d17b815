package io.jenkins.plugins.nestedpve.sim.shell.programs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

/** OpenSSH's "drunken bishop" randomart of a key's SHA-256 digest (sshkey.c fingerprint_randomart). */
final class RandomArt {
    private static final int WIDTH = 17;
    private static final int HEIGHT = 9;
    private static final String SYMBOLS = " .o+=*BOX@%&#/^SE";

    private RandomArt() {}

    static String render(PublicKey key, String type, int bits) {
        byte[] digest = digest(key);
        int[][] field = new int[WIDTH][HEIGHT];
        int x = WIDTH / 2;
        int y = HEIGHT / 2;
        int len = SYMBOLS.length() - 1;
        for (byte b : digest) {
            int input = b & 0xff;
            for (int i = 0; i < 4; i++) {
                x += (input & 1) != 0 ? 1 : -1;
                y += (input & 2) != 0 ? 1 : -1;
                x = Math.max(0, Math.min(x, WIDTH - 1));
                y = Math.max(0, Math.min(y, HEIGHT - 1));
                if (field[x][y] < len - 2) {
                    field[x][y]++;
                }
                input >>= 2;
            }
        }
        field[WIDTH / 2][HEIGHT / 2] = len - 1;
        field[x][y] = len;
        StringBuilder sb = new StringBuilder();
        sb.append(frame("[" + type + " " + bits + "]")).append('\n');
        for (int row = 0; row < HEIGHT; row++) {
            sb.append('|');
            for (int col = 0; col < WIDTH; col++) {
                sb.append(SYMBOLS.charAt(Math.min(field[col][row], len)));
            }
            sb.append("|\n");
        }
        return sb.append(frame("[SHA256]")).append('\n').toString();
    }

    private static String frame(String title) {
        int left = (WIDTH - title.length()) / 2;
        return "+" + "-".repeat(Math.max(0, left)) + title + "-".repeat(Math.max(0, WIDTH - left - title.length()))
                + "+";
    }

    private static byte[] digest(PublicKey key) {
        try {
            String entry = PublicKeyEntry.toString(key);
            byte[] blob = java.util.Base64.getDecoder().decode(entry.split(" ")[1].getBytes(StandardCharsets.US_ASCII));
            return MessageDigest.getInstance("SHA-256").digest(blob);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
