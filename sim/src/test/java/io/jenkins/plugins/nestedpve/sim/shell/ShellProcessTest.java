package io.jenkins.plugins.nestedpve.sim.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Process-level behaviour: wrappers, background jobs, environment, subshells. */
class ShellProcessTest {
    private final FakeMachine m = new FakeMachine();

    @Test
    void wrappersRunTheWrappedCommand() {
        assertThat(m.run("sudo -u root echo a; nohup echo b; timeout 30 echo c; nice -n 5 echo d")
                        .stdout())
                .isEqualTo("a\nb\nc\nd\n");
    }

    @Test
    void backgroundJobRunsAndWaitWaitsForIt() {
        assertThat(m.run("(echo bg > /tmp/bg) & wait; cat /tmp/bg").stdout()).isEqualTo("bg\n");
    }

    @Test
    void backgroundJobDoesNotDelayTheStatus() {
        assertThat(m.run("false & true").status()).isZero();
    }

    @Test
    void subshellExitDoesNotEndTheShell() {
        assertThat(m.run("(exit 3); echo $?").stdout()).isEqualTo("3\n");
    }

    @Test
    void subshellDoesNotChangeTheParentDirectory() {
        assertThat(m.run("(cd /tmp); pwd").stdout()).isEqualTo("/root\n");
    }

    @Test
    void nestedShellSeesOnlyExportedVariables() {
        assertThat(m.run("A=1; export B=2; bash -c 'echo \"[$A][$B]\"'").stdout())
                .isEqualTo("[][2]\n");
    }

    @Test
    void envDashIClearsTheEnvironment() {
        assertThat(m.run("env -i X=1 env").stdout()).isEqualTo("X=1\n");
    }

    @Test
    void evalRunsInTheCurrentShell() {
        assertThat(m.run("eval 'Y=5'; echo $Y").stdout()).isEqualTo("5\n");
    }

    @Test
    void sourceRunsAFileInTheCurrentShell() {
        m.fs.write("/tmp/vars", "REL=9\n");

        assertThat(m.run(". /tmp/vars; echo $REL").stdout()).isEqualTo("9\n");
    }

    @Test
    void caseSelectsTheFirstMatchingPattern() {
        String script = "for v in 8.4.1 9.1.2 x; do\n case \"$v\" in\n  8.*) echo eight ;;\n  9.*|10.*) echo nine ;;\n"
                + "  *) echo other ;;\n esac\ndone";

        assertThat(m.run(script).stdout()).isEqualTo("eight\nnine\nother\n");
    }

    @Test
    void breakLeavesTheLoop() {
        assertThat(m.run("for i in 1 2 3; do [ $i = 2 ] && break; echo $i; done")
                        .stdout())
                .isEqualTo("1\n");
    }

    @Test
    void whichPrintsThePathOfAProgram() {
        assertThat(m.run("which pvecm chpasswd").stdout()).isEqualTo("/usr/sbin/chpasswd\n");
    }
}
