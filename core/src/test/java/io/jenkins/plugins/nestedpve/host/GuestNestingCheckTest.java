package io.jenkins.plugins.nestedpve.host;

import static io.jenkins.plugins.nestedpve.cluster.ScriptedShell.fail;
import static io.jenkins.plugins.nestedpve.cluster.ScriptedShell.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.cluster.ScriptedShell;
import io.jenkins.plugins.nestedpve.ssh.ExecResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GuestNestingCheckTest {
    private static final String FLAGS = "grep -E -c '(vmx|svm)' /proc/cpuinfo";
    private static final String KVM = "test -e /dev/kvm";

    private final ScriptedShell guest = new ScriptedShell();
    private final GuestNestingCheck check = new GuestNestingCheck(Duration.ofSeconds(10));

    @Test
    void flagsAndDevKvmMeanHardware() throws Exception {
        guest.on(FLAGS, ok("4\n")).on(KVM, ok(""));
        GuestNesting n = check.check(guest, "np-a-n1", NestingPolicy.REQUIRE, NestingMode.HARDWARE);
        assertThat(n).isEqualTo(new GuestNesting("np-a-n1", NestingMode.HARDWARE, 4, true));
    }

    @Test
    void missingFlagsUnderRequireNameTheNodeAndTheCpuType() {
        guest.on(FLAGS, new ExecResult(1, "0\n", "")).on(KVM, fail(1, ""));
        assertThatThrownBy(() -> check.check(guest, "np-a-n2", NestingPolicy.REQUIRE, NestingMode.HARDWARE))
                .isInstanceOfSatisfying(NestingException.class, e -> {
                    assertThat(e.machine()).isEqualTo("np-a-n2");
                    assertThat(e.getMessage())
                            .startsWith("node np-a-n2 has no hardware nesting (no vmx/svm flag in /proc/cpuinfo and"
                                    + " no /dev/kvm) and nesting is 'require'")
                            .contains("CPU type is probably not 'host' — set cpu: host");
                });
    }

    @Test
    void missingFlagsWithoutHostInformationNameBothCauses() {
        guest.on(FLAGS, new ExecResult(1, "0\n", "")).on(KVM, fail(1, ""));
        assertThatThrownBy(() -> check.check(guest, "np-a-n1", NestingPolicy.ENABLE, null))
                .hasMessageContaining("nested virtualization is off on the physical host")
                .hasMessageContaining("or the VM's CPU type is not 'host'");
    }

    @Test
    void flagsWithoutDevKvmPointAtTheGuestModule() {
        guest.on(FLAGS, ok("2\n")).on(KVM, fail(1, ""));
        assertThatThrownBy(() -> check.check(guest, "np-a-n1", NestingPolicy.REQUIRE, NestingMode.HARDWARE))
                .hasMessageContaining("vmx/svm is present but /dev/kvm is missing")
                .hasMessageContaining("kvm module is not loaded inside the guest");
    }

    @Test
    void emulateAcceptsAGuestWithoutNesting() throws Exception {
        guest.on(FLAGS, new ExecResult(1, "0\n", "")).on(KVM, fail(1, ""));
        GuestNesting n = check.check(guest, "np-a-n1", NestingPolicy.EMULATE, NestingMode.EMULATED);
        assertThat(n.mode()).isEqualTo(NestingMode.EMULATED);
    }

    @Test
    void skipChecksNothing() throws Exception {
        GuestNesting n = check.check(guest, "np-a-n1", NestingPolicy.SKIP, null);
        assertThat(n.mode()).isEqualTo(NestingMode.UNKNOWN);
        assertThat(guest.calls()).isEmpty();
    }

    @Test
    void unreadableCpuinfoIsAnError() {
        guest.on(FLAGS, fail(2, "grep: /proc/cpuinfo: No such file or directory"));
        assertThatThrownBy(() -> check.check(guest, "np-a-n1", NestingPolicy.EMULATE, null))
                .hasMessageContaining("could not read /proc/cpuinfo on np-a-n1 (exit 2");
    }
}
