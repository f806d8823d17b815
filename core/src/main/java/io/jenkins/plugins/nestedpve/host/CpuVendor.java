package io.jenkins.plugins.nestedpve.host;

import java.util.Optional;

/**
 * The two CPU vendors KVM nesting is known for, with their module names and parameter formats
 * (pve-facts §6): Intel's {@code nested} is a bool parameter ({@code Y}/{@code N}), AMD's an int
 * ({@code 1}/{@code 0}).
 */
public enum CpuVendor {
    INTEL("GenuineIntel", "kvm_intel", "kvm-intel", "Y", "VT-x"),
    AMD("AuthenticAMD", "kvm_amd", "kvm-amd", "1", "AMD-V");

    private final String vendorId;
    private final String module;
    private final String modprobeName;
    private final String onValue;
    private final String technology;

    CpuVendor(String vendorId, String module, String modprobeName, String onValue, String technology) {
        this.vendorId = vendorId;
        this.module = module;
        this.modprobeName = modprobeName;
        this.onValue = onValue;
        this.technology = technology;
    }

    /** {@code GenuineIntel} or {@code AuthenticAMD}, as {@code /proc/cpuinfo} names it. */
    public String vendorId() {
        return vendorId;
    }

    /** {@code kvm_intel} or {@code kvm_amd}. */
    public String module() {
        return module;
    }

    /** {@code VT-x} or {@code AMD-V}. */
    public String technology() {
        return technology;
    }

    /** {@code /sys/module/kvm_intel/parameters/nested} (or kvm_amd). */
    public String parameterPath() {
        return "/sys/module/" + module + "/parameters/nested";
    }

    /** {@code /etc/modprobe.d/kvm-intel.conf} (or kvm-amd.conf). */
    public String modprobeConfPath() {
        return "/etc/modprobe.d/" + modprobeName + ".conf";
    }

    /** {@code options kvm-intel nested=Y} or {@code options kvm-amd nested=1} (AMD's parameter is an int). */
    public String optionLine() {
        return "options " + modprobeName + " nested=" + onValue;
    }

    /** The command an operator runs to enable nesting persistently, exactly as shown in messages. */
    public String enableCommand() {
        return "echo \"" + optionLine() + "\" >> " + modprobeConfPath();
    }

    /** The reload an operator runs while no VM is running. */
    public String reloadCommand() {
        return "modprobe -r " + module + " && modprobe " + module;
    }

    /** The vendor for a {@code vendor_id} value, if it is one of the two. */
    public static Optional<CpuVendor> fromVendorId(String vendorId) {
        for (CpuVendor v : values()) {
            if (v.vendorId.equals(vendorId)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** Whether a {@code nested} parameter value means "on": {@code Y}, {@code y} or {@code 1}. */
    public static boolean isOn(String parameterValue) {
        String v = parameterValue == null ? "" : parameterValue.strip();
        return v.equals("Y") || v.equals("y") || v.equals("1");
    }
}
