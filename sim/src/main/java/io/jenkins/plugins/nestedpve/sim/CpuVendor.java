package io.jenkins.plugins.nestedpve.sim;

/**
 * The CPU vendor of the simulated physical host. It decides the virtualization flag ({@code vmx} or
 * {@code svm}), the kvm vendor module and how its {@code nested} parameter reads: Intel's is a bool
 * parameter ({@code Y}/{@code N}), AMD's an int ({@code 1}/{@code 0}) (pve-facts §6).
 */
public enum CpuVendor {
    INTEL("GenuineIntel", "vmx", "kvm_intel", "kvm-intel", "Y", "N", "Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz", "6"),
    AMD("AuthenticAMD", "svm", "kvm_amd", "kvm-amd", "1", "0", "AMD EPYC 7313 16-Core Processor", "25");

    private final String vendorId;
    private final String virtFlag;
    private final String module;
    private final String modprobeName;
    private final String nestedOn;
    private final String nestedOff;
    private final String modelName;
    private final String family;

    CpuVendor(
            String vendorId,
            String virtFlag,
            String module,
            String modprobeName,
            String nestedOn,
            String nestedOff,
            String modelName,
            String family) {
        this.vendorId = vendorId;
        this.virtFlag = virtFlag;
        this.module = module;
        this.modprobeName = modprobeName;
        this.nestedOn = nestedOn;
        this.nestedOff = nestedOff;
        this.modelName = modelName;
        this.family = family;
    }

    /** {@code GenuineIntel} or {@code AuthenticAMD}, as {@code /proc/cpuinfo} names it. */
    public String vendorId() {
        return vendorId;
    }

    /** {@code vmx} or {@code svm}. */
    public String virtFlag() {
        return virtFlag;
    }

    /** {@code kvm_intel} or {@code kvm_amd}. */
    public String module() {
        return module;
    }

    /** The module name as conventionally written in modprobe.d ({@code kvm-intel}). */
    public String modprobeName() {
        return modprobeName;
    }

    /** What {@code /sys/module/<module>/parameters/nested} reads for on or off. */
    public String nestedValue(boolean on) {
        return on ? nestedOn : nestedOff;
    }

    /** The model name line of /proc/cpuinfo. */
    public String modelName() {
        return modelName;
    }

    /** The cpu family of /proc/cpuinfo. */
    public String family() {
        return family;
    }

    /** The path of the nested parameter file. */
    public String nestedParamPath() {
        return "/sys/module/" + module + "/parameters/nested";
    }

    /** Whether a nested parameter value means enabled ({@code Y}, {@code y} or {@code 1}). */
    public static boolean isOn(String value) {
        String v = value == null ? "" : value.trim();
        return v.equals("Y") || v.equals("y") || v.equals("1");
    }
}
