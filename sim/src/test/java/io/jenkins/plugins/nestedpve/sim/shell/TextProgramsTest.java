package io.jenkins.plugins.nestedpve.sim.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextProgramsTest {
    private final FakeMachine m = new FakeMachine();

    private String out(String commandLine) {
        return m.run(commandLine).stdout();
    }

    @Test
    void echoOptions() {
        assertThat(out("echo -n a; echo -e 'b\\tc'; echo -E 'd\\te'")).isEqualTo("ab\tc\nd\\te\n");
    }

    @Test
    void printfReusesFormatForRemainingArguments() {
        assertThat(out("printf '%s=%d\\n' a 1 b 2")).isEqualTo("a=1\nb=2\n");
    }

    @Test
    void printfWidthsAndConversions() {
        assertThat(out("printf '%-6s|%5s|%03d|%x|%.2f|%%|%c\\n' ab cd 7 255 3.14159 xyz"))
                .isEqualTo("ab    |   cd|007|ff|3.14|%|x\n");
    }

    @Test
    void printfBExpandsEscapesInArgument() {
        assertThat(out("printf '%b' 'a\\nb'")).isEqualTo("a\nb");
    }

    @Test
    void grepSelectsMatchingLines() {
        assertThat(out("printf 'alpha\\nbeta\\ngamma\\n' | grep a.p")).isEqualTo("alpha\n");
    }

    @Test
    void grepExtendedCountsAlternatives() {
        m.fs.write("/proc/cpuinfo", "flags\t: fpu vmx\nflags\t: fpu vmx\nbogomips\t: 1\n");

        assertThat(out("grep -E -c '(vmx|svm)' /proc/cpuinfo")).isEqualTo("2\n");
    }

    @Test
    void grepExitStatusOneWhenNothingMatches() {
        assertThat(m.run("echo abc | grep xyz")).isEqualTo(new Shell.Result(1, "", ""));
    }

    @Test
    void grepQuietPrintsNothing() {
        assertThat(m.run("echo abc | grep -q b")).isEqualTo(new Shell.Result(0, "", ""));
    }

    @Test
    void grepIgnoreCaseAndInvert() {
        assertThat(out("printf 'Yes\\nno\\n' | grep -i YES; printf 'Yes\\nno\\n' | grep -v Yes"))
                .isEqualTo("Yes\nno\n");
    }

    @Test
    void grepOnlyMatching() {
        assertThat(
                        out(
                                "echo 'pve-manager/8.4.1/abc (running kernel: 6.8.12-4-pve)' | grep -o '[0-9]*\\.[0-9]*\\.[0-9]*'"))
                .isEqualTo("8.4.1\n6.8.12\n");
    }

    @Test
    void grepBasicRegexTreatsPlusLiterally() {
        assertThat(out("printf 'a+b\\naab\\n' | grep 'a+b'; printf 'a+b\\naab\\n' | grep -E 'a+b'"))
                .isEqualTo("a+b\naab\n");
    }

    @Test
    void grepMissingFileExitsTwo() {
        assertThat(m.run("grep x /nope"))
                .isEqualTo(new Shell.Result(2, "", "grep: /nope: No such file or directory\n"));
    }

    @Test
    void grepFixedStringsAndPosixClasses() {
        assertThat(out("echo 'a.b' | grep -F '.'; echo 'x 1' | grep -E '^x[[:space:]]+[[:digit:]]$'"))
                .isEqualTo("a.b\nx 1\n");
    }

    @Test
    void grepRecursiveSearchesFilesBelowADirectory() {
        m.fs.write("/etc/modprobe.d/kvm-intel.conf", "options kvm-intel nested=Y\n");
        m.fs.write("/etc/modprobe.d/other.conf", "blacklist nouveau\n");

        assertThat(out("grep -r nested /etc/modprobe.d"))
                .isEqualTo("/etc/modprobe.d/kvm-intel.conf:options kvm-intel nested=Y\n");
    }

    @Test
    void testFileOperators() {
        m.fs.write("/tmp/f", "x");
        m.fs.write("/tmp/empty", "");

        assertThat(out("[ -e /tmp/f ] && [ -f /tmp/f ] && [ -d /tmp ] && [ -s /tmp/f ] && [ ! -s /tmp/empty ]"
                        + " && ! [ -e /tmp/none ] && echo ok"))
                .isEqualTo("ok\n");
    }

    @Test
    void testStringOperators() {
        assertThat(out("[ -n x ] && [ -z '' ] && [ a = a ] && [ a != b ] && test 3 -gt 2 && echo ok"))
                .isEqualTo("ok\n");
    }

    @Test
    void doubleBracketTestsLikeBracket() {
        assertThat(m.run("[[ -n x ]]").status()).isZero();
        assertThat(m.run("[[ -z x ]]").status()).isEqualTo(1);
    }

    @Test
    void bracketNeedsClosingBracket() {
        assertThat(m.run("[ -f /tmp")).isEqualTo(new Shell.Result(2, "", "[: missing `]'\n"));
    }

    @Test
    void testIntegerErrorExitsTwo() {
        assertThat(m.run("[ abc -eq 1 ]").status()).isEqualTo(2);
    }

    @Test
    void devKvmIsACharacterDevice() {
        m.fs.write("/dev/kvm", "");

        assertThat(m.run("test -c /dev/kvm").status()).isZero();
    }
}
