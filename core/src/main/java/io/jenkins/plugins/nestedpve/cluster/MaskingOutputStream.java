package io.jenkins.plugins.nestedpve.cluster;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Replaces every occurrence of one secret with {@code ****} in a log stream, recognizing it by its
 * {@link MaskPattern} (the stream never holds the secret). Works on lines (a secret never spans one): output is
 * passed on at each line end, on {@link #close()}, and on {@link #flush()} except for the last bytes of a partial
 * line that could still become the secret (fewer than its length). UTF-8 byte matching: the password is ASCII, and a
 * UTF-8 sequence never contains ASCII bytes, so no false match splits a character.
 */
public final class MaskingOutputStream extends FilterOutputStream {
    public static final String MASK = "****";

    private static final int MAX_LINE = 64 * 1024;

    private final MaskPattern pattern;
    private final byte[] mask = MASK.getBytes(StandardCharsets.UTF_8);
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    public MaskingOutputStream(OutputStream out, MaskPattern pattern) {
        super(out);
        this.pattern = pattern;
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

    /** Passes on what cannot be part of the secret any more, keeping a tail that may still become it. */
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
     * Writes the buffer out with every occurrence masked; with {@code keepTail}, the bytes from the first position
     * where the secret would not fit any more stay buffered (they may be its beginning).
     */
    private void emit(boolean keepTail) throws IOException {
        byte[] text = line.toByteArray();
        int n = pattern.length();
        int stop = keepTail ? Math.max(0, text.length - n + 1) : text.length;
        boolean[] candidate = pattern.candidates(text, text.length);
        ByteArrayOutputStream result = new ByteArrayOutputStream(text.length);
        int i = 0;
        while (i < text.length) {
            if (i + n <= text.length && candidate[i] && pattern.matchesAt(text, i)) {
                result.writeBytes(mask);
                i += n;
            } else if (i >= stop) {
                break;
            } else {
                result.write(text[i++]);
            }
        }
        line.reset();
        line.write(text, i, text.length - i);
        out.write(result.toByteArray());
    }

    @Override
    public String toString() {
        return "MaskingOutputStream[" + MASK + "]";
    }
}
