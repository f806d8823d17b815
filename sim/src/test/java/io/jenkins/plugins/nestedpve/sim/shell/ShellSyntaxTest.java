package io.jenkins.plugins.nestedpve.sim.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ShellSyntaxTest {
    private final FakeMachine m = new FakeMachine();

    private String out(String commandLine) {
        return m.run(commandLine).stdout();
    }

    /** Quotes a string for the shell the way a careful client does: single quotes, {@code '\''} for quotes. */
    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    @Test
    void singleQuotesKeepEverythingLiteral() {
        assertThat(out("echo '$HOME `x` \\n \"q\"'")).isEqualTo("$HOME `x` \\n \"q\"\n");
    }

    @Test
    void doubleQuotesExpandVariablesButKeepSpaces() {
        assertThat(out("X='a  b'; echo \"[$X]\" [$X]")).isEqualTo("[a  b] [a b]\n");
    }

    @Test
    void backslashEscapesOutsideQuotes() {
        assertThat(out("echo a\\ b \\$HOME \\\"")).isEqualTo("a b $HOME \"\n");
    }

    @Test
    void ansiCQuotingDecodesEscapes() {
        assertThat(out("printf %s $'a\\tb\\n\\x41\\'c'")).isEqualTo("a\tb\nA'c");
    }

    @Test
    void hostileStringSurvivesSingleQuoting() {
        String hostile = "it's \"quoted\" $(rm -rf /) `id` ; | & > < * ~ \\ ünïcødé 😀\nsecond line  ";

        assertThat(out("printf %s " + quote(hostile))).isEqualTo(hostile);
    }

    @Test
    void hostileStringSurvivesAssignmentAndDoubleQuotedExpansion() {
        String hostile = "a'b\"c $(x) `y` *";

        assertThat(out("V=" + quote(hostile) + "; printf '%s|' \"$V\"")).isEqualTo(hostile + "|");
    }

    @Test
    void emptyQuotesMakeAnEmptyArgument() {
        assertThat(out("printf '[%s]' '' \"\" x")).isEqualTo("[][][x]");
    }

    @Test
    void unquotedExpansionIsSplitOnWhitespace() {
        assertThat(out("X='1 2   3'; printf '<%s>' $X")).isEqualTo("<1><2><3>");
    }

    @Test
    void quotedDollarAtKeepsArguments() {
        assertThat(out("bash -c 'printf \"<%s>\" \"$@\"' name 'a b' c")).isEqualTo("<a b><c>");
    }

    @Test
    void assignmentBeforeCommandOnlyAffectsThatCommand() {
        assertThat(out("X=1 env | grep '^X='; echo \"[${X}]\"")).isEqualTo("X=1\n[]\n");
    }

    @Test
    void exportedVariablesReachPrograms() {
        assertThat(out("export A=1; B=2; sh -c 'echo \"[$A][$B]\"'")).isEqualTo("[1][]\n");
    }

    @Test
    void callerEnvironmentIsVisible() throws InterruptedException {
        var bytes = new java.io.ByteArrayOutputStream();
        m.shell.exec("echo $LANG $HOME", java.io.InputStream.nullInputStream(), bytes, bytes, Map.of("LANG", "C"));

        assertThat(bytes.toString()).isEqualTo("C /root\n");
    }

    @Test
    void parameterDefaultsAndLength() {
        assertThat(out("E=; echo ${U:-d1} ${E:-d2} ${E-d3} ${#HOME} ${U:+x}${HOME:+y}"))
                .isEqualTo("d1 d2 5 y\n");
    }

    @Test
    void patternRemovalOperators() {
        assertThat(out("F=/etc/modprobe.d/kvm.conf; echo ${F##*/} ${F%.conf} ${F#/etc/} ${F%%.*}"))
                .isEqualTo("kvm.conf /etc/modprobe.d/kvm modprobe.d/kvm.conf /etc/modprobe\n");
    }

    @Test
    void commandSubstitutionStripsTrailingNewlines() {
        assertThat(out("X=$(printf 'a\\n\\n'); echo \"[$X]\" [`echo b`]")).isEqualTo("[a] [b]\n");
    }

    @Test
    void nestedCommandSubstitution() {
        assertThat(out("echo $(echo $(echo deep))")).isEqualTo("deep\n");
    }

    @Test
    void arithmeticExpansion() {
        assertThat(out("i=4; echo $((i * 2 + 1)) $(( (7 - 1) / 4 )) $((i > 3))"))
                .isEqualTo("9 1 1\n");
    }

    @Test
    void semicolonRunsBothCommands() {
        assertThat(m.run("false; echo second")).isEqualTo(new Shell.Result(0, "second\n", ""));
    }

    @Test
    void andRunsSecondOnlyOnSuccess() {
        assertThat(out("true && echo yes; false && echo no; echo end")).isEqualTo("yes\nend\n");
    }

    @Test
    void orRunsSecondOnlyOnFailure() {
        assertThat(out("false || echo fallback; true || echo never")).isEqualTo("fallback\n");
    }

    @Test
    void lastStatusIsTheExitStatus() {
        assertThat(m.run("true; false").status()).isEqualTo(1);
    }

    @Test
    void exitEndsTheScriptWithItsStatus() {
        assertThat(m.run("echo a; exit 7; echo b")).isEqualTo(new Shell.Result(7, "a\n", ""));
    }

    @Test
    void setEStopsAtTheFirstFailure() {
        assertThat(m.run("set -e; echo a; false; echo b")).isEqualTo(new Shell.Result(1, "a\n", ""));
    }

    @Test
    void setEIgnoresFailuresInConditions() {
        assertThat(out("set -eu -o pipefail; if false; then :; fi; false || true; ! false; echo survived"))
                .isEqualTo("survived\n");
    }

    @Test
    void pipefailReportsAFailingStage() {
        assertThat(m.run("set -o pipefail; false | cat").status()).isEqualTo(1);
        assertThat(m.run("false | cat").status()).isZero();
    }

    @Test
    void nounsetFailsOnUnsetVariable() {
        assertThat(m.run("set -u; echo $NOPE; echo after"))
                .isEqualTo(new Shell.Result(1, "", "bash: line 1: NOPE: unbound variable\n"));
    }

    @Test
    void ifElifElse() {
        assertThat(out("for v in 1 2 3; do if [ $v = 1 ]; then echo one; elif [ $v = 2 ]; then echo two;"
                        + " else echo other; fi; done"))
                .isEqualTo("one\ntwo\nother\n");
    }

    @Test
    void forLoopOverGlob() {
        m.fs.write("/etc/modprobe.d/a.conf", "");
        m.fs.write("/etc/modprobe.d/b.conf", "");

        assertThat(out("for f in /etc/modprobe.d/*.conf; do echo \"$f\"; done"))
                .isEqualTo("/etc/modprobe.d/a.conf\n/etc/modprobe.d/b.conf\n");
    }

    @Test
    void unmatchedGlobStaysLiteral() {
        assertThat(out("echo /nonexistent/*.conf")).isEqualTo("/nonexistent/*.conf\n");
    }

    @Test
    void whileReadLoopReadsLines() {
        m.fs.write("/tmp/list", "a 1\nb 2\n");

        assertThat(out("while read -r name n; do echo \"$n=$name\"; done < /tmp/list"))
                .isEqualTo("1=a\n2=b\n");
    }

    @Test
    void multiLineScriptWithFunctions() {
        String script = "greet() {\n  echo \"hi $1\"\n  return 3\n}\ngreet you\necho $?\n";

        assertThat(out(script)).isEqualTo("hi you\n3\n");
    }

    @Test
    void cdChangesDirectoryForLaterCommands() {
        assertThat(out("cd /etc && pwd; cd ssh; pwd")).isEqualTo("/etc\n/etc/ssh\n");
    }

    @Test
    void cdToMissingDirectoryFails() {
        assertThat(m.run("cd /nope"))
                .isEqualTo(new Shell.Result(1, "", "bash: line 1: cd: /nope: No such file or directory\n"));
    }

    @Test
    void eachExecStartsInHomeWithFreshVariables() {
        m.run("cd /tmp; X=1");

        assertThat(out("pwd; echo \"[$X]\"")).isEqualTo("/root\n[]\n");
    }

    @Test
    void unknownProgramIsCommandNotFound() {
        assertThat(m.run("nosuchtool --x"))
                .isEqualTo(new Shell.Result(127, "", "bash: line 1: nosuchtool: command not found\n"));
    }

    @Test
    void commandNotFoundReportsItsLine() {
        assertThat(m.run("true\n\nmissing").stderr()).isEqualTo("bash: line 3: missing: command not found\n");
    }

    @Test
    void missingPathProgramIsNoSuchFile() {
        assertThat(m.run("/opt/tool"))
                .isEqualTo(new Shell.Result(127, "", "bash: line 1: /opt/tool: No such file or directory\n"));
    }

    @Test
    void programWithPathResolvesToTheSameCommand() {
        assertThat(out("/usr/bin/echo via-path; /bin/true && echo ok")).isEqualTo("via-path\nok\n");
    }

    @Test
    void bashDashCReentersTheShell() {
        assertThat(m.run("bash -c 'echo in; exit 5'; echo $?")).isEqualTo(new Shell.Result(0, "in\n5\n", ""));
    }

    @Test
    void shDashCUsesDashMessages() {
        assertThat(m.run("sh -c nope")).isEqualTo(new Shell.Result(127, "", "sh: 1: nope: not found\n"));
    }

    @Test
    void bashReadsScriptFromStdin() {
        assertThat(m.run("bash -s", "echo from-stdin\nexit 2\n")).isEqualTo(new Shell.Result(2, "from-stdin\n", ""));
    }

    @Test
    void scriptFileRunsByPathWithArguments() {
        m.fs.write("/tmp/s.sh", "#!/bin/bash\nset -e\necho \"args: $# $1\"\n");

        assertThat(out("/tmp/s.sh one two; bash /tmp/s.sh x")).isEqualTo("args: 2 one\nargs: 1 x\n");
    }

    @Test
    void registeredProgramOverridesBuiltin() {
        FakeMachine custom = new FakeMachine(
                Map.of("cat", inv -> {
                    inv.out().println("custom " + inv.params());
                    return 4;
                }),
                null);

        assertThat(custom.run("cat -r")).isEqualTo(new Shell.Result(4, "custom [-r]\n", ""));
    }

    @Test
    void syntaxErrorIsReportedLikeBash() {
        assertThat(m.run("if true; then echo x; fi fi"))
                .isEqualTo(new Shell.Result(2, "", "bash: -c: line 1: syntax error near unexpected token `fi'\n"));
    }

    @Test
    void unterminatedQuoteIsASyntaxError() {
        assertThat(m.run("echo 'open").status()).isEqualTo(2);
    }

    @Test
    void commentsAreIgnored() {
        assertThat(out("echo a # not this\n# nor this\necho b#c")).isEqualTo("a\nb#c\n");
    }

    @Test
    void commandVFindsProgramsAndBuiltins() {
        assertThat(m.run("command -v modprobe cd; command -v nope"))
                .isEqualTo(new Shell.Result(1, "/usr/sbin/modprobe\ncd\n", ""));
    }

    @Test
    void exitTrapRunsAtExit() {
        assertThat(out("trap 'echo cleanup' EXIT; echo work; exit 0")).isEqualTo("work\ncleanup\n");
    }

    @Test
    void interactiveSessionKeepsState() throws InterruptedException {
        var out = new java.io.ByteArrayOutputStream();
        ShellSession session = m.shell.session(Map.of(), out, out);

        session.run("X=5; cd /tmp", java.io.InputStream.nullInputStream());
        session.run("echo $X $PWD; exit 3", java.io.InputStream.nullInputStream());

        assertThat(out.toString()).isEqualTo("5 /tmp\n");
        assertThat(session.exited()).isTrue();
        assertThat(session.lastStatus()).isEqualTo(3);
    }

    @Test
    void interruptedThreadAbortsTheCommand() {
        Thread.currentThread().interrupt();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> m.shell.run("echo never"))
                    .isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
    }
}
