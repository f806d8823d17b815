package io.jenkins.plugins.nestedpve.host;

import static io.jenkins.plugins.nestedpve.cluster.ScriptedShell.fail;
import static io.jenkins.plugins.nestedpve.cluster.ScriptedShell.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.cluster.ScriptedShell;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NestingPreflightTest {
    private static final String VENDOR = "grep vendor_id /proc/cpuinfo";
    private static final String INTEL_PARAM = "cat /sys/module/kvm_intel/parameters/nested";
    private static final String AMD_PARAM = "cat /sys/module/kvm_amd/parameters/nested";
    private static final String INTEL_WRITE = "echo 'options kvm-intel nested=Y' >> /etc/modprobe.d/kvm-intel.conf";
    private static final String AMD_WRITE = "echo 'options kvm-amd nested=1' >> /etc/modprobe.d/kvm-amd.conf";

    private final ScriptedShell host = new ScriptedShell();
    private int runningVms;

    private NestingPreflight preflight() {
        return new NestingPreflight(host, "pve1", () -> runningVms, Duration.ofSeconds(30));
    }

    private ScriptedShell intel(String nested) {
        return host.on(VENDOR, ok("vendor_id\t: GenuineIntel\nvendor_id\t: GenuineIntel\n"))
                .on(INTEL_PARAM, ok(nested + "\n"));
    }

    private ScriptedShell amd(String nested) {
        return host.on(VENDOR, ok("vendor_id\t: AuthenticAMD\n")).on(AMD_PARAM, ok(nested + "\n"));
    }

    @Test
    void skipRunsNothing() throws Exception {
        NestingReport r = preflight().run(NestingPolicy.SKIP);
        assertThat(r.mode()).isEqualTo(NestingMode.UNKNOWN);
        assertThat(host.calls()).isEmpty();
    }

    @Test
    void requireWithIntelNestingOnIsHardware() throws Exception {
        intel("Y");
        NestingReport r = preflight().run(NestingPolicy.REQUIRE);
        assertThat(r.mode()).isEqualTo(NestingMode.HARDWARE);
        assertThat(r.vendor()).isEqualTo(CpuVendor.INTEL);
        assertThat(r.nestedBefore()).isEqualTo("Y");
        assertThat(r.actions()).isEmpty();
        assertThat(r.summary()).isEqualTo("nesting: GenuineIntel, kvm_intel nested=Y → hardware (policy require)");
    }

    @Test
    void lowerCaseYAndOneCountAsOn() throws Exception {
        intel("y");
        assertThat(preflight().run(NestingPolicy.REQUIRE).mode()).isEqualTo(NestingMode.HARDWARE);
        assertThat(CpuVendor.isOn("1")).isTrue();
        assertThat(CpuVendor.isOn("N")).isFalse();
        assertThat(CpuVendor.isOn("0")).isFalse();
    }

    @Test
    void requireWithAmdNestingOnIsHardware() throws Exception {
        amd("1");
        assertThat(preflight().run(NestingPolicy.REQUIRE).mode()).isEqualTo(NestingMode.HARDWARE);
    }

    @Test
    void requireWithIntelNestingOffFailsWithTheIntelRemediation() {
        intel("N");
        assertThatThrownBy(() -> preflight().run(NestingPolicy.REQUIRE))
                .isInstanceOfSatisfying(NestingException.class, e -> {
                    assertThat(e.machine()).isEqualTo("pve1");
                    assertThat(e.getMessage())
                            .startsWith("nested virtualization is off on pve1"
                                    + " (/sys/module/kvm_intel/parameters/nested reads N)")
                            .contains("\n  echo \"options kvm-intel nested=Y\" >> /etc/modprobe.d/kvm-intel.conf\n")
                            .contains("while no VM runs there: modprobe -r kvm_intel && modprobe kvm_intel")
                            .contains("reboot");
                });
        assertThat(host.commands()).containsExactly(VENDOR, INTEL_PARAM);
    }

    @Test
    void requireWithAmdNestingOffFailsWithTheAmdRemediation() {
        amd("0");
        assertThatThrownBy(() -> preflight().run(NestingPolicy.REQUIRE))
                .hasMessageContaining("(/sys/module/kvm_amd/parameters/nested reads 0)")
                .hasMessageContaining("echo \"options kvm-amd nested=1\" >> /etc/modprobe.d/kvm-amd.conf")
                .hasMessageContaining("modprobe -r kvm_amd && modprobe kvm_amd");
    }

    @Test
    void unknownVendorIsAClearErrorUnderRequire() {
        host.on(VENDOR, ok("vendor_id\t: CentaurHauls\n"));
        assertThatThrownBy(() -> preflight().run(NestingPolicy.REQUIRE))
                .hasMessageContaining("CPU vendor 'CentaurHauls' of pve1 is neither GenuineIntel nor AuthenticAMD")
                .hasMessageContaining("use nesting 'emulate'");
    }

    @Test
    void unknownVendorContinuesEmulatedUnderEmulate() throws Exception {
        host.on(VENDOR, ok("vendor_id\t: HygonGenuine\n"));
        NestingReport r = preflight().run(NestingPolicy.EMULATE);
        assertThat(r.mode()).isEqualTo(NestingMode.EMULATED);
        assertThat(r.innerVmsNeedKvmOff()).isTrue();
    }

    @Test
    void unreadableCpuinfoSaysSo() {
        host.on(VENDOR, fail(2, "grep: /proc/cpuinfo: Permission denied"));
        assertThatThrownBy(() -> preflight().run(NestingPolicy.REQUIRE))
                .hasMessageContaining("could not read the CPU vendor of pve1")
                .hasMessageContaining("Permission denied");
    }

    @Test
    void missingModuleFailsUnderRequire() {
        host.on(VENDOR, ok("vendor_id : GenuineIntel\n"))
                .on(INTEL_PARAM, fail(1, "cat: /sys/module/kvm_intel/parameters/nested: No such file or directory"));
        assertThatThrownBy(() -> preflight().run(NestingPolicy.REQUIRE))
                .hasMessageStartingWith("kvm_intel is not loaded on pve1")
                .hasMessageContaining("enable VT-x in the firmware setup");
    }

    @Test
    void emulateWithNestingOffContinuesAndSaysKvmOff() throws Exception {
        intel("N");
        NestingReport r = preflight().run(NestingPolicy.EMULATE);
        assertThat(r.mode()).isEqualTo(NestingMode.EMULATED);
        assertThat(r.messages()).singleElement().asString().contains("inner VMs need kvm: 0");
        assertThat(host.commands()).containsExactly(VENDOR, INTEL_PARAM);
    }

    @Test
    void emulateWithNestingOnIsHardware() throws Exception {
        amd("1");
        assertThat(preflight().run(NestingPolicy.EMULATE).mode()).isEqualTo(NestingMode.HARDWARE);
    }

    @Test
    void enableWithNestingOnChangesNothing() throws Exception {
        intel("Y");
        NestingReport r = preflight().run(NestingPolicy.ENABLE);
        assertThat(r.mode()).isEqualTo(NestingMode.HARDWARE);
        assertThat(host.commands()).containsExactly(VENDOR, INTEL_PARAM);
    }

    @Test
    void enableOnAnIdleIntelHostWritesTheOptionReloadsAndVerifies() throws Exception {
        host.on(VENDOR, ok("vendor_id : GenuineIntel\n"))
                .on(INTEL_PARAM, ok("N\n"), ok("Y\n"))
                .on("cat /etc/modprobe.d/kvm-intel.conf", fail(1, "No such file or directory"))
                .on(INTEL_WRITE, ok(""))
                .on("modprobe -r kvm_intel", ok(""))
                .on("modprobe kvm_intel", ok(""));
        NestingReport r = preflight().run(NestingPolicy.ENABLE);
        assertThat(r.mode()).isEqualTo(NestingMode.HARDWARE);
        assertThat(r.nestedBefore()).isEqualTo("N");
        assertThat(r.nestedAfter()).isEqualTo("Y");
        assertThat(r.actions())
                .containsExactly(
                        "appended 'options kvm-intel nested=Y' to /etc/modprobe.d/kvm-intel.conf",
                        "unloaded kvm_intel",
                        "loaded kvm_intel");
        assertThat(host.commands())
                .containsExactly(
                        VENDOR,
                        INTEL_PARAM,
                        "cat /etc/modprobe.d/kvm-intel.conf",
                        INTEL_WRITE,
                        "modprobe -r kvm_intel",
                        "modprobe kvm_intel",
                        INTEL_PARAM);
    }

    @Test
    void enableAppendsToAnExistingFileInsteadOfOverwritingIt() throws Exception {
        host.on(VENDOR, ok("vendor_id : AuthenticAMD\n"))
                .on(AMD_PARAM, ok("0\n"), ok("1\n"))
                .on("cat /etc/modprobe.d/kvm-amd.conf", ok("# site settings\noptions kvm-amd nested=0\n"))
                .on(AMD_WRITE, ok(""))
                .on("modprobe -r kvm_amd", ok(""))
                .on("modprobe kvm_amd", ok(""));
        NestingReport r = preflight().run(NestingPolicy.ENABLE);
        assertThat(r.mode()).isEqualTo(NestingMode.HARDWARE);
        assertThat(r.actions().get(0)).isEqualTo("appended 'options kvm-amd nested=1' to /etc/modprobe.d/kvm-amd.conf");
        assertThat(host.commands()).contains(AMD_WRITE).noneMatch(c -> c.contains(" > "));
    }

    @Test
    void enableEndsAnUnterminatedLastLineBeforeAppending() throws Exception {
        host.on(VENDOR, ok("vendor_id : AuthenticAMD\n"))
                .on(AMD_PARAM, ok("0\n"), ok("1\n"))
                .on("cat /etc/modprobe.d/kvm-amd.conf", ok("options kvm-amd npt=1"))
                .on("echo >> /etc/modprobe.d/kvm-amd.conf", ok(""))
                .on(AMD_WRITE, ok(""))
                .on("modprobe -r kvm_amd", ok(""))
                .on("modprobe kvm_amd", ok(""));
        preflight().run(NestingPolicy.ENABLE);
        assertThat(host.commands()).containsSubsequence("echo >> /etc/modprobe.d/kvm-amd.conf", AMD_WRITE);
    }

    @Test
    void enableWritesNothingWhileVmsRun() {
        intel("N").on(INTEL_WRITE, ok(""));
        runningVms = 2;
        assertThatThrownBy(() -> preflight().run(NestingPolicy.ENABLE))
                .isInstanceOfSatisfying(NestingException.class, e -> {
                    assertThat(e.getMessage())
                            .startsWith("nested virtualization is off on pve1 and nesting is 'enable', but 2 VMs are"
                                    + " running on pve1: nothing was changed")
                            .contains("echo \"options kvm-intel nested=Y\" >> /etc/modprobe.d/kvm-intel.conf");
                    assertThat(e.report().orElseThrow().actions()).isEmpty();
                });
        assertThat(host.commands()).doesNotContain(INTEL_WRITE, "modprobe -r kvm_intel");
    }

    @Test
    void enableHandlesModuleInUse() {
        intel("N")
                .on(INTEL_WRITE, ok(""))
                .on("modprobe -r kvm_intel", fail(1, "modprobe: FATAL: Module kvm_intel is in use.\n"));
        assertThatThrownBy(() -> preflight().run(NestingPolicy.ENABLE))
                .hasMessage("nesting is now configured but needs the module reloaded; kvm_intel is in use on pve1"
                        + " (modprobe: FATAL: Module kvm_intel is in use.) — reboot the host or stop its VMs, then run:"
                        + " modprobe -r kvm_intel && modprobe kvm_intel");
        assertThat(host.commands()).doesNotContain("modprobe kvm_intel");
    }

    @Test
    void enableReportsAParameterStillOffAfterReload() {
        intel("N").on(INTEL_WRITE, ok("")).on("modprobe -r kvm_intel", ok("")).on("modprobe kvm_intel", ok(""));
        assertThatThrownBy(() -> preflight().run(NestingPolicy.ENABLE))
                .hasMessageContaining("reads 'N' on pve1")
                .hasMessageContaining("grep -r nested /etc/modprobe.d");
    }

    @Test
    void enableReportsAFailedWrite() {
        intel("N").on(INTEL_WRITE, fail(1, "sh: /etc/modprobe.d/kvm-intel.conf: Permission denied"));
        assertThatThrownBy(() -> preflight().run(NestingPolicy.ENABLE))
                .hasMessageContaining("could not write /etc/modprobe.d/kvm-intel.conf on pve1")
                .hasMessageContaining("must be root");
        assertThat(host.commands()).doesNotContain("modprobe -r kvm_intel");
    }

    @Test
    void enableReportsAModuleThatDoesNotComeBack() {
        intel("N")
                .on(INTEL_WRITE, ok(""))
                .on("modprobe -r kvm_intel", ok(""))
                .on("modprobe kvm_intel", fail(1, "modprobe: ERROR: could not insert 'kvm_intel'"));
        assertThatThrownBy(() -> preflight().run(NestingPolicy.ENABLE))
                .hasMessageContaining("kvm_intel was unloaded but could not be loaded again on pve1")
                .hasMessageContaining("no VM can start there");
    }

    @Test
    void policiesParseCaseInsensitively() {
        assertThat(NestingPolicy.parse("Require")).isEqualTo(NestingPolicy.REQUIRE);
        assertThatThrownBy(() -> NestingPolicy.parse("on"))
                .hasMessage("nesting: 'on' is not a nesting policy — use one of require, enable, emulate, skip");
    }
}
