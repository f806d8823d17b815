package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MaskingOutputStreamTest {
    private static final String SECRET = "Xk3pQ9zR7mLt";

    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();
    private final MaskingOutputStream out = new MaskingOutputStream(sink, SECRET);

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
    void flushPassesOnWhatCannotBeTheSecret() throws IOException {
        write("progress 42% ");
        out.flush();

        assertThat(written()).isEqualTo("progress 42% ");
    }

    @Test
    void aSecretThatRepeatsItselfIsStillMaskedAcrossAFlush() throws IOException {
        MaskingOutputStream periodic = new MaskingOutputStream(sink, "ABAB");
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
