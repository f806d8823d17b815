package io.jenkins.plugins.nestedpve.sim.model;

import io.jenkins.plugins.nestedpve.sim.CpuVendor;
import java.util.Locale;

/**
 * The (virtual) hardware a PVE machine sees: CPU vendor, whether the virtualization flag ({@code
 * vmx}/{@code svm}) is exposed, logical CPUs and memory.
 *
 * @param vendor the CPU vendor
 * @param virtFlag whether {@code vmx}/{@code svm} is in the CPU flags (then {@code /dev/kvm} exists)
 * @param cpus logical CPUs
 * @param memoryBytes RAM in bytes
 */
public record Hardware(CpuVendor vendor, boolean virtFlag, int cpus, long memoryBytes) {
    private static final String BASE_FLAGS = "fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat"
            + " pse36 clflush mmx fxsr sse sse2 ss syscall nx pdpe1gb rdtscp lm constant_tsc arch_perfmon"
            + " rep_good nopl xtopology cpuid tsc_known_freq pni pclmulqdq ssse3 fma cx16 pcid sse4_1 sse4_2"
            + " x2apic movbe popcnt tsc_deadline_timer aes xsave avx f16c rdrand hypervisor lahf_lm abm"
            + " 3dnowprefetch cpuid_fault ssbd ibrs ibpb stibp fsgsbase bmi1 avx2 smep bmi2 erms invpcid"
            + " rdseed adx smap clflushopt clwb sha_ni xsaveopt xsavec xgetbv1 xsaves arat umip md_clear";

    /** The whole flags line of /proc/cpuinfo. */
    public String flags() {
        String extra = virtFlag ? " " + vendor.virtFlag() : "";
        // the virtualization flag sits among the first flags on real CPUs; position is irrelevant
        return BASE_FLAGS.replace(" pni ", " pni" + extra + " ");
    }

    /** /proc/cpuinfo text with one block per logical CPU. */
    public String procCpuinfo() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cpus; i++) {
            sb.append(String.format(
                    Locale.ROOT,
                    "processor\t: %d%nvendor_id\t: %s%ncpu family\t: %s%nmodel\t\t: 106%nmodel name\t: %s%n"
                            + "stepping\t: 6%ncpu MHz\t\t: 2000.000%ncache size\t: 49152 KB%nphysical id\t: 0%n"
                            + "siblings\t: %d%ncore id\t\t: %d%ncpu cores\t: %d%nflags\t\t: %s%n"
                            + "bogomips\t: 4000.00%n%n",
                    i,
                    vendor.vendorId(),
                    vendor.family(),
                    vendor.modelName(),
                    cpus,
                    i,
                    cpus,
                    flags()));
        }
        return sb.toString().replace("\r\n", "\n");
    }
}
