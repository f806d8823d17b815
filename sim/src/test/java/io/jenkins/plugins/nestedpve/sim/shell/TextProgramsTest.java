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

    @Test
    void sedSubstitutesInPlace() {
        m.fs.write(
                "/etc/apt/sources.list",
                "deb http://deb.debian.org/debian bookworm main\ndeb x bookworm-updates main\n");

        m.run("sed -i 's/bookworm/trixie/g' /etc/apt/sources.list");

        assertThat(m.fs.read("/etc/apt/sources.list"))
                .contains("deb http://deb.debian.org/debian trixie main\ndeb x trixie-updates main\n");
    }

    @Test
    void sedFirstOccurrenceOnlyWithoutG() {
        assertThat(out("echo aaa | sed s/a/b/")).isEqualTo("baa\n");
    }

    @Test
    void sedPrintsSelectedLineWithN() {
        assertThat(out("printf '1\\n2\\n3\\n' | sed -n 2p")).isEqualTo("2\n");
    }

    @Test
    void sedDeletesMatchingLines() {
        m.fs.write("/etc/hosts", "127.0.0.1 localhost\n127.0.1.1 old\n10.0.0.5 pve\n");

        m.run("sed -i '/^127.0.1.1/d' /etc/hosts");

        assertThat(m.fs.read("/etc/hosts")).contains("127.0.0.1 localhost\n10.0.0.5 pve\n");
    }

    @Test
    void sedGroupsAndAmpersand() {
        assertThat(out("echo 'key=value' | sed -E 's/(.*)=(.*)/\\2:\\1 [&]/'")).isEqualTo("value:key [key=value]\n");
    }

    @Test
    void sedAlternativeDelimiter() {
        assertThat(out("echo /a/b | sed 's|/a|/x|'")).isEqualTo("/x/b\n");
    }

    @Test
    void sedAppendsAfterMatch() {
        assertThat(out("printf 'a\\nb\\n' | sed '/a/a inserted'")).isEqualTo("a\ninserted\nb\n");
    }

    @Test
    void sedUnknownCommandIsAnError() {
        assertThat(m.run("echo x | sed 'k'"))
                .isEqualTo(new Shell.Result(1, "", "sed: -e expression #1, char 1: unknown command: `k'\n"));
    }

    @Test
    void headAndTail() {
        assertThat(out("printf '1\\n2\\n3\\n4\\n' | head -n 2; printf '1\\n2\\n3\\n4\\n' | tail -1; "
                        + "printf '1\\n2\\n3\\n' | tail -n +2"))
                .isEqualTo("1\n2\n4\n2\n3\n");
    }

    @Test
    void wcCountsLines() {
        m.fs.write("/tmp/f", "a\nb\n");

        assertThat(out("wc -l < /tmp/f; wc -l /tmp/f")).isEqualTo("2\n2 /tmp/f\n");
    }

    @Test
    void cutSelectsFields() {
        assertThat(out("echo 'root:x:0:0' | cut -d: -f1,3; echo 'a b c' | cut -d ' ' -f 2-"))
                .isEqualTo("root:0\nb c\n");
    }

    @Test
    void trTranslatesAndDeletes() {
        assertThat(out("echo Hello | tr 'a-z' 'A-Z'; echo 'a b\tc' | tr -d '[:space:]'"))
                .isEqualTo("HELLO\nabc");
    }

    @Test
    void sortOptions() {
        assertThat(out("printf '10\\n9\\n10\\n' | sort -n -u; printf 'b\\na\\n' | sort -r"))
                .isEqualTo("9\n10\nb\na\n");
    }

    @Test
    void uniqCollapsesAdjacent() {
        assertThat(out("printf 'a\\na\\nb\\na\\n' | uniq")).isEqualTo("a\nb\na\n");
    }

    @Test
    void awkPrintsFields() {
        assertThat(out("echo 'vmbr0 UP 10.0.0.5/24' | awk '{print $3}'; echo 'a:b:c' | awk -F: '{print $1, $NF}'"))
                .isEqualTo("10.0.0.5/24\na c\n");
    }

    @Test
    void awkWithRegexPattern() {
        assertThat(out("printf 'x 1\\ny 2\\n' | awk '/^y/ {print $2}'")).isEqualTo("2\n");
    }

    @Test
    void base64RoundTrip() {
        assertThat(out("echo -n 'ünï' | base64; echo -n 'ünï' | base64 | base64 -d"))
                .isEqualTo("w7xuw68=\nünï");
    }

    @Test
    void checksumsMatchCoreutils() {
        assertThat(out("echo -n hi | sha256sum; echo -n hi | md5sum"))
                .isEqualTo("8f434346648f6b96df89dda901c5176b10a6d83961dd3c1ac88b59b2dc327aa4  -\n"
                        + "49f68a5c8493ec2c0bf489821c21fc3b  -\n");
    }

    @Test
    void checksumOfFileNamesTheFile() {
        m.fs.write("/tmp/f", "hi");

        assertThat(out("md5sum /tmp/f")).isEqualTo("49f68a5c8493ec2c0bf489821c21fc3b  /tmp/f\n");
    }
}
