package io.jenkins.plugins.nestedpve.plugin;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Replaces every occurrence of one secret with {@code ****} in a log stream. Works on lines (a secret never spans
 * one), so output is passed on at each line end, on {@link #flush()} of a partial line that cannot hold the start
 * of the secret, and on {@link #close()}. UTF-8 byte matching: the password is ASCII, and a UTF-8 sequence never
 * contains ASCII bytes, so no false match splits a character.
 */
final class MaskingOutputStream extends FilterOutputStream {
    static final String MASK = "****";

    private static final int MAX_LINE = 64 * 1024;

    private final byte[] secret;
    private final byte[] mask = MASK.getBytes(StandardCharsets.UTF_8);
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    MaskingOutputStream(OutputStream out, String secret) {
        super(out);
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("nothing to mask");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n' || line.size() >= MAX_LINE) {
            emit(b != '\n'); // a long line is cut, but never inside a possible secret
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    /** Passes on what cannot be the beginning of the secret, keeping a possible partial match for later. */
    @Override
    public synchronized void flush() throws IOException {
        emit(true);
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        emit(false);
        super.close();
    }

    /**
     * Masks every whole occurrence in the buffer and writes it out; with {@code keepPartial}, a tail that may be
     * the start of the secret stays buffered.
     */
    private void emit(boolean keepPartial) throws IOException {
        byte[] text = masked(line.toByteArray());
        int keep = keepPartial ? partialAtEnd(text) : 0;
        line.reset();
        line.write(text, text.length - keep, keep);
        out.write(text, 0, text.length - keep);
    }

    private byte[] masked(byte[] text) {
        ByteArrayOutputStream result = new ByteArrayOutputStream(text.length);
        int i = 0;
        while (i < text.length) {
            if (matchesAt(text, i)) {
                result.writeBytes(mask);
                i += secret.length;
            } else {
                result.write(text[i++]);
            }
        }
        return result.toByteArray();
    }

    private boolean matchesAt(byte[] text, int at) {
        if (at + secret.length > text.length) {
            return false;
        }
        for (int j = 0; j < secret.length; j++) {
            if (text[at + j] != secret[j]) {
                return false;
            }
        }
        return true;
    }

    /** The length of the longest suffix of {@code text} that is a proper prefix of the secret. */
    private int partialAtEnd(byte[] text) {
        for (int k = Math.min(secret.length - 1, text.length); k > 0; k--) {
            if (Arrays.equals(text, text.length - k, text.length, secret, 0, k)) {
                return k;
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return "MaskingOutputStream[" + MASK + "]";
    }
}
