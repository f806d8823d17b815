package io.jenkins.plugins.nestedpve.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.function.UnaryOperator;

/**
 * Copies one output stream of a remote command into a {@link LineSink}, line by line as bytes
 * arrive, and keeps the last {@code maxBytes} of the text for the {@link ExecResult}. Lines split at
 * {@code \n} only; each is decoded as UTF-8 as a whole (a {@code \n} byte never occurs inside a
 * multi-byte character), so characters are never cut.
 */
final class LinePump {
    /** The longest line passed on whole; longer runs without a newline are split (64 KiB). */
    static final int MAX_LINE_BYTES = 64 * 1024;

    private final InputStream in;
    private final LineSink sink;
    private final int maxBytes;
    private final UnaryOperator<String> filter;
    private final ArrayDeque<String> tail = new ArrayDeque<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private long tailBytes;

    LinePump(InputStream in, LineSink sink, int maxBytes) {
        this(in, sink, maxBytes, UnaryOperator.identity());
    }

    /**
     * @param filter sees each line without its line break and returns what the sink and the kept text get instead
     *     (e.g. without the caller's own header), or null to drop the line
     */
    LinePump(InputStream in, LineSink sink, int maxBytes, UnaryOperator<String> filter) {
        this.in = in;
        this.sink = sink;
        this.maxBytes = maxBytes;
        this.filter = filter;
    }

    /** Reads to end of stream and returns the kept text (exact, including line breaks). */
    String drain() throws IOException {
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) != -1) {
            for (int i = 0; i < n; i++) {
                byte b = buf[i];
                // split an overlong line only before the first byte of a character
                if (line.size() >= MAX_LINE_BYTES && (b & 0xC0) != 0x80) {
                    emit();
                }
                line.write(b);
                if (b == '\n') {
                    emit();
                }
            }
        }
        if (line.size() > 0) {
            emit();
        }
        return String.join("", tail);
    }

    private void emit() {
        byte[] bytes = line.toByteArray();
        line.reset();
        String text = new String(bytes, StandardCharsets.UTF_8);
        int end = text.length();
        if (end > 0 && text.charAt(end - 1) == '\n') {
            end--;
            if (end > 0 && text.charAt(end - 1) == '\r') {
                end--;
            }
        }
        String content = text.substring(0, end);
        String shown = filter.apply(content);
        if (shown == null) {
            return;
        }
        if (!shown.equals(content)) {
            text = shown + text.substring(end);
            bytes = text.getBytes(StandardCharsets.UTF_8);
        }
        keep(text, bytes.length);
        sink.accept(shown);
    }

    private void keep(String text, int bytes) {
        tail.addLast(text);
        tailBytes += bytes;
        while (tailBytes > maxBytes && tail.size() > 1) {
            tailBytes -= tail.removeFirst().getBytes(StandardCharsets.UTF_8).length;
        }
        if (tailBytes > maxBytes) {
            // a single chunk larger than the limit: keep its end
            String only = tail.removeFirst();
            String cut = only.substring(Math.max(0, only.length() - maxBytes));
            if (!cut.isEmpty() && Character.isLowSurrogate(cut.charAt(0))) {
                cut = cut.substring(1);
            }
            tail.addLast(cut);
            tailBytes = cut.getBytes(StandardCharsets.UTF_8).length;
        }
    }
}
