package io.jenkins.plugins.nestedpve.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link ShellQuote} against a real POSIX shell: what goes in comes out byte for byte. */
class ShellQuoteTest {
    static List<String> hostile() {
        return HostileStrings.all();
    }

    /**
     * Runs {@code script} with /bin/sh and returns its stdout. The script goes in on stdin, not as an
     * argument, so the test does not depend on how the JVM encodes arguments in this locale.
     */
    static byte[] sh(String script) throws IOException, InterruptedException {
        Process p =
                new ProcessBuilder("/bin/sh", "-s").redirectErrorStream(false).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(script.getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("sh finished").isTrue();
        assertThat(p.exitValue())
                .as("sh exit status, stderr: %s", new String(p.getErrorStream().readAllBytes()))
                .isZero();
        return out;
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostileArgumentRoundTripsThroughSh(String arg) throws Exception {
        byte[] out = sh("printf '%s' " + ShellQuote.quote(arg) + "\n");

        assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo(arg);
    }

    @Test
    void joinedArgumentsStayOneArgumentEach() throws Exception {
        List<String> args = hostile();

        byte[] out = sh("printf '%s\\0' " + ShellQuote.join(args) + "\n");

        List<String> back = Arrays.asList(new String(out, StandardCharsets.UTF_8).split("\0", -1));
        assertThat(back.subList(0, back.size() - 1)).containsExactlyElementsOf(args);
    }

    @Test
    void commandSubstitutionIsNotRun() throws Exception {
        byte[] out = sh("printf '%s' " + ShellQuote.quote("$(echo ran)`echo ran`") + "\n");

        assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo("$(echo ran)`echo ran`");
    }

    @Test
    void safeWordsStayUnquoted() {
        assertThat(ShellQuote.command("pvecm", "add", "10.0.0.1", "--use_ssh", "-link0", "user@pam:x,y/z.cfg"))
                .isEqualTo("pvecm add 10.0.0.1 --use_ssh -link0 user@pam:x,y/z.cfg");
    }

    @Test
    void assignmentLookingWordsAreQuoted() {
        assertThat(ShellQuote.quote("a=b")).isEqualTo("'a=b'");
    }

    @Test
    void emptyArgumentIsKept() {
        assertThat(ShellQuote.join(List.of("printf", "%s|", ""))).isEqualTo("printf '%s|' ''");
    }

    @Test
    void singleQuoteIsClosedEscapedAndReopened() {
        assertThat(ShellQuote.quote("it's")).isEqualTo("'it'\\''s'");
    }

    @Test
    void everyHostileStringButSafeWordsIsQuoted() {
        String unquoted = hostile().stream()
                .filter(s -> !ShellQuote.quote(s).startsWith("'"))
                .collect(Collectors.joining(","));

        assertThat(unquoted).isEqualTo("plain,-n,--");
    }
}
