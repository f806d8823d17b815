package io.jenkins.plugins.nestedpve.sim.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.sim.shell.programs.KvmModule;
import org.junit.jupiter.api.Test;

class KernelModulesTest {
    private static final String INTEL = "processor\t: 0\nvendor_id\t: GenuineIntel\nflags\t\t: fpu vme vmx sse2\n";
    private static final String AMD = "processor\t: 0\nvendor_id\t: AuthenticAMD\nflags\t\t: fpu vme svm sse2\n";
    private static final String INTEL_NO_VMX = "processor\t: 0\nvendor_id\t: GenuineIntel\nflags\t\t: fpu sse2\n";

    private final FakeMachine m = new FakeMachine();

    private FakeMachine booted(String cpuinfo) {
        m.fs.write(MachineFiles.CPUINFO, cpuinfo);
        KvmModule.boot(m.fs);
        return m;
    }

    private String nested(String module) {
        return m.fs.read("/sys/module/" + module + "/parameters/nested").orElse("<absent>");
    }

    @Test
    void intelNestedDefaultsToY() {
        booted(INTEL);

        assertThat(nested("kvm_intel")).isEqualTo("Y\n");
        assertThat(m.fs.exists(MachineFiles.DEV_KVM)).isTrue();
    }

    @Test
    void amdNestedDefaultsToOne() {
        booted(AMD);

        assertThat(nested("kvm_amd")).isEqualTo("1\n");
    }

    @Test
    void reloadAppliesIntelOptionFromModprobeD() {
        booted(INTEL);
        m.fs.write("/etc/modprobe.d/kvm-intel.conf", "options kvm-intel nested=N\n");

        assertThat(m.run("modprobe -r kvm_intel && modprobe kvm_intel").status())
                .isZero();

        assertThat(nested("kvm_intel")).isEqualTo("N\n");
    }

    @Test
    void intelBoolAcceptsOneAndNormalisesToY() {
        m.fs.write("/etc/modprobe.d/kvm-intel.conf", "options kvm_intel nested=0\n");
        booted(INTEL);
        m.fs.write("/etc/modprobe.d/kvm-intel.conf", "options kvm_intel nested=1\n");

        m.run("modprobe -r kvm-intel; modprobe kvm-intel");

        assertThat(nested("kvm_intel")).isEqualTo("Y\n");
    }

    @Test
    void amdIntOptionReadsBackAsNumber() {
        m.fs.write("/etc/modprobe.d/kvm-amd.conf", "options kvm-amd nested=0\n");

        booted(AMD);

        assertThat(nested("kvm_amd")).isEqualTo("0\n");
    }

    @Test
    void amdRejectsBoolLetter() {
        booted(AMD);
        m.fs.write("/etc/modprobe.d/kvm-amd.conf", "options kvm_amd nested=Y\n");

        Shell.Result r = m.run("modprobe -r kvm_amd; modprobe kvm_amd");

        assertThat(r)
                .isEqualTo(new Shell.Result(1, "", "modprobe: ERROR: could not insert 'kvm_amd': Invalid argument\n"));
        assertThat(m.fs.exists("/sys/module/kvm_amd")).isFalse();
    }

    @Test
    void modprobeOfLoadedModuleChangesNothing() {
        booted(INTEL);
        m.fs.write("/etc/modprobe.d/kvm-intel.conf", "options kvm-intel nested=N\n");

        m.run("modprobe kvm_intel");

        assertThat(nested("kvm_intel")).isEqualTo("Y\n");
    }

    @Test
    void removalFailsWhileVmsRun() {
        booted(INTEL);
        m.hooks.runningVms = 2;

        Shell.Result r = m.run("modprobe -r kvm_intel");

        assertThat(r).isEqualTo(new Shell.Result(1, "", "modprobe: FATAL: Module kvm_intel is in use.\n"));
        assertThat(nested("kvm_intel")).isEqualTo("Y\n");
    }

    @Test
    void removedModuleTakesSysfsAndDevKvmAway() {
        booted(INTEL);

        m.run("modprobe -r kvm_intel");

        assertThat(m.run("cat /sys/module/kvm_intel/parameters/nested").status())
                .isEqualTo(1);
        assertThat(m.fs.exists(MachineFiles.DEV_KVM)).isFalse();
        assertThat(m.fs.exists("/sys/module/kvm")).isFalse();
    }

    @Test
    void removingAModuleThatIsNotLoadedFails() {
        booted(INTEL);

        assertThat(m.run("modprobe -r kvm_amd"))
                .isEqualTo(new Shell.Result(1, "", "modprobe: FATAL: Module kvm_amd is not in kernel.\n"));
    }

    @Test
    void wrongVendorModuleIsNotSupported() {
        booted(INTEL);

        assertThat(m.run("modprobe kvm_amd"))
                .isEqualTo(new Shell.Result(
                        1, "", "modprobe: ERROR: could not insert 'kvm_amd': Operation not supported\n"));
    }

    @Test
    void cpuWithoutVmxLoadsNoKvm() {
        booted(INTEL_NO_VMX);

        assertThat(m.fs.exists("/sys/module/kvm_intel")).isFalse();
        assertThat(m.fs.exists(MachineFiles.DEV_KVM)).isFalse();
    }

    @Test
    void commandLineParameterWinsOverConfig() {
        m.fs.write("/etc/modprobe.d/kvm-intel.conf", "options kvm-intel nested=Y\n");
        booted(INTEL);

        m.run("modprobe -r kvm_intel; modprobe kvm_intel nested=N");

        assertThat(nested("kvm_intel")).isEqualTo("N\n");
    }
}
