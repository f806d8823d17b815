package io.jenkins.plugins.nestedpve.sim.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellRedirectionTest {
    private final FakeMachine m = new FakeMachine();

    @Test
    void outputRedirectionWritesTheFile() {
        m.run("echo hello > /tmp/out");

        assertThat(m.fs.read("/tmp/out")).contains("hello\n");
    }

    @Test
    void appendRedirectionAppends() {
        m.run("echo a > /tmp/f; echo b >> /tmp/f");

        assertThat(m.fs.read("/tmp/f")).contains("a\nb\n");
    }

    @Test
    void redirectedFileIsWrittenOnceWhole() {
        List<String> writes = new ArrayList<>();
        m.fs.onWrite((path, content) -> writes.add(path + "=" + content));

        m.run("{ echo one; echo two; } > /etc/hostname");

        assertThat(writes).containsExactly("/etc/hostname=one\ntwo\n");
    }

    @Test
    void inputRedirectionFeedsStdin() {
        m.fs.write("/tmp/in", "x\ny\n");

        assertThat(m.run("grep -c . < /tmp/in").stdout()).isEqualTo("2\n");
    }

    @Test
    void missingInputFileFailsBeforeRunning() {
        assertThat(m.run("cat < /nope; echo $?"))
                .isEqualTo(new Shell.Result(0, "1\n", "bash: line 1: /nope: No such file or directory\n"));
    }

    @Test
    void outputIntoMissingDirectoryFails() {
        assertThat(m.run("echo x > /no/dir/file").stderr())
                .isEqualTo("bash: line 1: /no/dir/file: No such file or directory\n");
        assertThat(m.fs.exists("/no/dir/file")).isFalse();
    }

    @Test
    void stderrToDevNullIsDiscarded() {
        assertThat(m.run("cat /nope 2>/dev/null")).isEqualTo(new Shell.Result(1, "", ""));
    }

    @Test
    void stdoutToDevNullIsDiscarded() {
        assertThat(m.run("echo gone >/dev/null")).isEqualTo(new Shell.Result(0, "", ""));
    }

    @Test
    void stderrJoinsStdoutWith2To1() {
        assertThat(m.run("cat /nope 2>&1"))
                .isEqualTo(new Shell.Result(1, "cat: /nope: No such file or directory\n", ""));
    }

    @Test
    void orderOfRedirectionsMatters() {
        m.run("cat /nope >/tmp/both 2>&1");
        Shell.Result r = m.run("cat /nope 2>&1 >/tmp/only-out");

        assertThat(m.fs.read("/tmp/both")).contains("cat: /nope: No such file or directory\n");
        assertThat(r.stdout()).isEqualTo("cat: /nope: No such file or directory\n");
        assertThat(m.fs.read("/tmp/only-out")).contains("");
    }

    @Test
    void echoToStderrWithGreaterAmpersand2() {
        assertThat(m.run("echo oops >&2")).isEqualTo(new Shell.Result(0, "", "oops\n"));
    }

    @Test
    void ampersandGreaterRedirectsBoth() {
        m.run("{ echo out; echo err >&2; } &> /tmp/all");

        assertThat(m.fs.read("/tmp/all")).contains("out\nerr\n");
    }

    @Test
    void quotedHereDocumentIsLiteral() {
        m.run("cat > /tmp/interfaces.new <<'EOF'\nauto $IFACE\n  `not run`\nEOF\n");

        assertThat(m.fs.read("/tmp/interfaces.new")).contains("auto $IFACE\n  `not run`\n");
    }

    @Test
    void unquotedHereDocumentExpands() {
        assertThat(m.run("N=pve1; cat <<EOF\nname=$N \\$literal\nEOF").stdout()).isEqualTo("name=pve1 $literal\n");
    }

    @Test
    void hereDocumentWithDashStripsTabs() {
        assertThat(m.run("cat <<-END\n\tindented\n\tEND\necho after").stdout()).isEqualTo("indented\nafter\n");
    }

    @Test
    void commandsAfterHereDocumentRun() {
        assertThat(m.run("cat <<EOF > /tmp/a\nbody\nEOF\ncat /tmp/a; echo done").stdout())
                .isEqualTo("body\ndone\n");
    }

    @Test
    void hereStringFeedsOneLine() {
        assertThat(m.run("cat <<< 'shout'").stdout()).isEqualTo("shout\n");
    }

    @Test
    void pipelinePassesOutputAlong() {
        assertThat(m.run("printf 'b\\na\\nb\\n' | grep b | grep -c b").stdout()).isEqualTo("2\n");
    }

    @Test
    void pipelineStatusIsTheLastStage() {
        assertThat(m.run("echo x | grep -q y").status()).isEqualTo(1);
    }

    @Test
    void pipelineStagesRunInSubshells() {
        assertThat(m.run("X=1; echo 2 | read X; echo $X").stdout()).isEqualTo("1\n");
    }

    @Test
    void stdinOfTheExecReachesThePipeline() {
        assertThat(m.run("cat | grep -c .", "a\nb\nc\n").stdout()).isEqualTo("3\n");
    }

    @Test
    void redirectionOnCompoundCommand() {
        m.run("for i in 1 2; do echo $i; done > /tmp/loop");

        assertThat(m.fs.read("/tmp/loop")).contains("1\n2\n");
    }

    @Test
    void redirectionWithoutCommandCreatesEmptyFile() {
        m.run("> /tmp/empty");

        assertThat(m.fs.read("/tmp/empty")).contains("");
    }

    @Test
    void relativeRedirectionUsesWorkingDirectory() {
        m.run("cd /tmp && echo rel > here.txt");

        assertThat(m.fs.read("/tmp/here.txt")).contains("rel\n");
    }
}
