package io.jenkins.plugins.nestedpve.sim.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SystemProgramsTest {
    private final FakeMachine m = new FakeMachine();

    private String out(String commandLine) {
        return m.run(commandLine).stdout();
    }

    @Test
    void sleepGoesThroughTheSleeper() {
        assertThat(m.run("sleep 1.5; sleep 2m").status()).isZero();

        assertThat(m.sleeps).containsExactly(Duration.ofMillis(1500), Duration.ofMinutes(2));
    }

    @Test
    void killChecksAndSignalsTheShellsOfRunningExecsLikeBash() {
        assertThat(m.run("kill -0 $$").status()).as("the shell itself exists").isZero();
        assertThat(m.run("kill -CONT -- -$$; echo still here"))
                .as("a signal that does not end a process")
                .isEqualTo(new Shell.Result(0, "still here\n", ""));
        assertThat(m.run("kill -0 -- -999999"))
                .isEqualTo(new Shell.Result(1, "", "bash: kill: (999999) - No such process\n"));
        assertThat(m.run("kill -BOGUS 1"))
                .isEqualTo(new Shell.Result(1, "", "bash: kill: BOGUS: invalid signal specification\n"));
        assertThat(m.run("kill -s KILL abc"))
                .isEqualTo(new Shell.Result(1, "", "bash: kill: abc: arguments must be process or job IDs\n"));
    }

    @Test
    void sleepRejectsBadInterval() {
        assertThat(m.run("sleep soon"))
                .isEqualTo(new Shell.Result(
                        1, "", "sleep: invalid time interval 'soon'\nTry 'sleep --help' for more information.\n"));
    }

    @Test
    void hostnamectlSetHostnameWritesEtcHostname() {
        m.run("hostnamectl set-hostname pve-node2");

        assertThat(m.fs.read(MachineFiles.HOSTNAME)).contains("pve-node2\n");
        assertThat(out("hostnamectl hostname")).isEqualTo("pve-node2\n");
    }

    @Test
    void envPrintsAndRunsWithExtraVariables() {
        assertThat(out("env FOO=bar env | grep '^FOO='; env | grep -c '^HOME=/root$'"))
                .isEqualTo("FOO=bar\n1\n");
    }

    @Test
    void systemctlRestartGoesToTheHooks() {
        m.run("systemctl restart pveproxy.service pvedaemon && systemctl reload ssh");

        assertThat(m.hooks.restarts).containsExactly("pveproxy", "pvedaemon", "ssh");
    }

    @Test
    void aMaskedUnitRefusesToRestartUntilUnmasked() {
        assertThat(m.run("systemctl mask pve-cluster && systemctl restart pve-cluster"))
                .isEqualTo(new Shell.Result(
                        1, "", "Failed to restart pve-cluster.service: Unit pve-cluster.service is masked.\n"));
        assertThat(m.hooks.restarts).isEmpty();

        assertThat(m.run("systemctl unmask pve-cluster.service && systemctl restart pve-cluster")
                        .status())
                .isZero();
        assertThat(m.hooks.restarts).containsExactly("pve-cluster");
    }

    @Test
    void systemctlIsActiveSaysActive() {
        assertThat(m.run("systemctl is-active corosync")).isEqualTo(new Shell.Result(0, "active\n", ""));
    }

    @Test
    void rebootAndSystemctlRebootAskTheMachine() {
        m.run("reboot; systemctl reboot");

        assertThat(m.hooks.reboots).hasValue(2);
    }
}
