package io.jenkins.plugins.nestedpve.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MaskingOutputStreamTest {
    private static final String SECRET = "Xk3pQ9zR7mLt";

    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();
    private final MaskingOutputStream out = new MaskingOutputStream(sink, MaskPattern.of(SECRET));

    private String written() {
        return sink.toString(StandardCharsets.UTF_8);
    }

    private void write(String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void masksEveryOccurrenceInALine() throws IOException {
        write("pw=" + SECRET + " again " + SECRET + "\n");

        assertThat(written()).isEqualTo("pw=**** again ****\n");
    }

    @Test
    void masksASecretWrittenInPieces() throws IOException {
        write("pw=" + SECRET.substring(0, 5));
        out.flush();
        write(SECRET.substring(5) + "\n");

        assertThat(written()).isEqualTo("pw=****\n");
    }

    @Test
    void flushPassesOnAllButATailShorterThanTheSecret() throws IOException {
        write("progress 42% ");
        out.flush();

        assertThat(written()).isEqualTo("pr"); // the last 11 bytes could still begin the 12-byte secret
        write("\n");
        assertThat(written()).isEqualTo("progress 42% \n");
    }

    @Test
    void aNearMissIsNotMasked() throws IOException {
        write(SECRET.substring(0, SECRET.length() - 1) + "x " + SECRET.toLowerCase(java.util.Locale.ROOT) + "\n");

        assertThat(written()).doesNotContain("****");
    }

    @Test
    void thePatternHoldsNeitherTheSecretNorAnyPartOfIt() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream o = new java.io.ObjectOutputStream(bytes)) {
            o.writeObject(MaskPattern.of(SECRET));
        }
        String serialized = bytes.toString(StandardCharsets.ISO_8859_1);

        assertThat(serialized).doesNotContain(SECRET.substring(0, 4)).doesNotContain(SECRET.substring(8));
        assertThat(MaskPattern.of(SECRET).toString()).doesNotContain(SECRET);
    }

    @Test
    void aSecretThatRepeatsItselfIsStillMaskedAcrossAFlush() throws IOException {
        MaskingOutputStream periodic = new MaskingOutputStream(sink, MaskPattern.of("ABAB"));
        periodic.write("xABAB".getBytes(StandardCharsets.UTF_8));
        periodic.flush();
        periodic.write("y\n".getBytes(StandardCharsets.UTF_8));

        assertThat(written()).isEqualTo("x****y\n");
    }

    @Test
    void closeWritesTheRestMasked() throws IOException {
        write("tail " + SECRET);
        out.close();

        assertThat(written()).isEqualTo("tail ****");
    }

    @Test
    void textAroundUtf8IsKept() throws IOException {
        write("Grüße " + SECRET + " ✓\n");

        assertThat(written()).isEqualTo("Grüße **** ✓\n");
    }
}
