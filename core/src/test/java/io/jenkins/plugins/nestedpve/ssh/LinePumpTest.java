package io.jenkins.plugins.nestedpve.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinePumpTest {
    final List<String> lines = new ArrayList<>();

    String pump(InputStream in, int maxBytes) throws IOException {
        return new LinePump(in, lines::add, maxBytes).drain();
    }

    /** Hands out one byte per read, as a slow network might. */
    static InputStream trickle(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            int pos;

            @Override
            public int read() {
                return pos < bytes.length ? bytes[pos++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= bytes.length) {
                    return -1;
                }
                b[off] = bytes[pos++];
                return 1;
            }
        };
    }

    @Test
    void keepsTheTextExactAndStripsLineBreaksForTheSink() throws Exception {
        String text = "one\r\ntwo\n\nlast without newline";

        assertThat(pump(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 1 << 20))
                .isEqualTo(text);
        assertThat(lines).containsExactly("one", "two", "", "last without newline");
    }

    @Test
    void decodesMultiByteCharactersArrivingByteByByte() throws Exception {
        pump(trickle("grüße ✓ 日本 🎉\nnext\n"), 1 << 20);

        assertThat(lines).containsExactly("grüße ✓ 日本 🎉", "next");
    }

    @Test
    void keepsOnlyTheLastBytesButPassesEveryLine() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            text.append("line ").append(i).append('\n');
        }

        String kept = pump(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), 100);

        assertThat(lines).hasSize(1000);
        assertThat(kept)
                .hasSizeLessThanOrEqualTo(100)
                .endsWith("line 998\nline 999\n")
                .startsWith("line ");
    }

    @Test
    void splitsAnOverlongLineWithoutCuttingACharacter() throws Exception {
        String text = "é".repeat(LinePump.MAX_LINE_BYTES); // two bytes each

        pump(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 1 << 20);

        assertThat(lines).hasSize(2).allSatisfy(l -> assertThat(l).matches("é+"));
        assertThat(String.join("", lines)).isEqualTo(text);
    }

    @Test
    void emptyStreamGivesNoLines() throws Exception {
        assertThat(pump(InputStream.nullInputStream(), 100)).isEmpty();
        assertThat(lines).isEmpty();
    }
}
