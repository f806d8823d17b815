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
    void unameReadsKernelFilesFromTheMachine() {
        m.fs.write(MachineFiles.KERNEL_RELEASE, "6.14.8-2-pve\n");
        m.fs.write(MachineFiles.HOSTNAME, "pve1\n");

        assertThat(out("uname -r; uname -n; uname")).isEqualTo("6.14.8-2-pve\npve1\nLinux\n");
    }

    @Test
    void unameAllHasEveryField() {
        m.fs.write(MachineFiles.HOSTNAME, "pve1\n");

        assertThat(out("uname -a"))
                .isEqualTo(
                        "Linux pve1 6.8.12-4-pve #1 SMP PREEMPT_DYNAMIC PMX 6.8.12-4 (2024-11-06T15:04Z) x86_64 GNU/Linux\n");
    }

    @Test
    void hostnameWithArgumentSetsOnlyTheRunningName() {
        m.fs.write(MachineFiles.HOSTNAME, "old\n");

        m.run("hostname transient");

        assertThat(out("hostname")).isEqualTo("transient\n");
        assertThat(m.fs.read(MachineFiles.HOSTNAME)).contains("old\n");
    }

    @Test
    void hostnamectlSetHostnameWritesEtcHostname() {
        m.run("hostnamectl set-hostname pve-node2");

        assertThat(m.fs.read(MachineFiles.HOSTNAME)).contains("pve-node2\n");
        assertThat(out("hostname")).isEqualTo("pve-node2\n");
    }

    @Test
    void hostnameFqdnAndIpComeFromEtcHosts() {
        m.fs.write(MachineFiles.HOSTNAME, "pve1\n");
        m.fs.write(MachineFiles.HOSTS, "127.0.0.1 localhost\n192.168.1.11 pve1.lab.example pve1\n");

        assertThat(out("hostname -f; hostname -i; hostname -s")).isEqualTo("pve1.lab.example\n192.168.1.11 \npve1\n");
    }

    @Test
    void whoamiAndId() {
        assertThat(out("whoami; id -u; id -un; id"))
                .isEqualTo("root\n0\nroot\nuid=0(root) gid=0(root) groups=0(root)\n");
    }

    @Test
    void envPrintsAndRunsWithExtraVariables() {
        assertThat(out("env FOO=bar printenv FOO; env | grep -c '^HOME=/root$'"))
                .isEqualTo("bar\n1\n");
    }

    @Test
    void dateUsesTheInjectedClock() {
        assertThat(out("date +%s; date -u +'%F %T'; date"))
                .isEqualTo(FakeMachine.NOW.getEpochSecond() + "\n2026-11-26 12:00:00\nThu Nov 26 12:00:00 UTC 2026\n");
    }

    @Test
    void ipAddrShowsConfiguredAddresses() {
        m.fs.write(MachineFiles.IP_ADDR, "vmbr0 192.168.1.11/24 bc:24:11:00:00:01\n");

        assertThat(out("ip -4 -o addr show"))
                .isEqualTo("1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever\n"
                        + "2: vmbr0    inet 192.168.1.11/24 brd 192.168.1.255 scope global vmbr0\\"
                        + "       valid_lft forever preferred_lft forever\n");
    }

    @Test
    void ipAddrOfUnknownDeviceFails() {
        assertThat(m.run("ip addr show dev eth9"))
                .isEqualTo(new Shell.Result(1, "", "Device \"eth9\" does not exist.\n"));
    }

    @Test
    void hostnameAllAddressesSkipsLoopback() {
        m.fs.write(MachineFiles.IP_ADDR, "vmbr0 10.0.0.5/24\nvmbr1 10.1.0.5/24\n");

        assertThat(out("hostname -I")).isEqualTo("10.0.0.5 10.1.0.5 \n");
    }

    @Test
    void getentResolvesFromEtcHosts() {
        m.fs.write(MachineFiles.HOSTS, "127.0.0.1 localhost\n192.168.1.12 pve2.lab pve2\n");

        assertThat(m.run("getent hosts pve2")).isEqualTo(new Shell.Result(0, "192.168.1.12    pve2.lab pve2\n", ""));
    }

    @Test
    void getentUnknownHostExitsTwo() {
        assertThat(m.run("getent hosts nowhere")).isEqualTo(new Shell.Result(2, "", ""));
    }

    @Test
    void systemctlRestartGoesToTheHooks() {
        m.run("systemctl restart pveproxy.service pvedaemon && systemctl reload ssh");

        assertThat(m.hooks.restarts).containsExactly("pveproxy", "pvedaemon", "ssh");
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
