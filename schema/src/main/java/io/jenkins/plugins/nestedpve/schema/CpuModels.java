package io.jenkins.plugins.nestedpve.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CPU models and VM-specific CPU flags known to qemu-server, for the {@code pve-vm-cpu-conf}
 * format (qemu-server:src/PVE/QemuServer/CPUConfig.pm validate_vm_cpu_conf; 8.4 from branch
 * stable-bookworm 8.4.8, 9.1 from release 9.1.9, src/PVE/QemuServer/CPUFlags.pm for the flags).
 * The 9.x list is qemu-server's built-in fallback; hosts may know more models.
 */
final class CpuModels {
    private static final List<String> X86_COMMON = List.of(
            "486",
            "pentium",
            "pentium2",
            "pentium3",
            "coreduo",
            "core2duo",
            "Conroe",
            "Penryn",
            "Nehalem",
            "Nehalem-IBRS",
            "Westmere",
            "Westmere-IBRS",
            "SandyBridge",
            "SandyBridge-IBRS",
            "IvyBridge",
            "IvyBridge-IBRS",
            "Haswell",
            "Haswell-IBRS",
            "Haswell-noTSX",
            "Haswell-noTSX-IBRS",
            "Broadwell",
            "Broadwell-IBRS",
            "Broadwell-noTSX",
            "Broadwell-noTSX-IBRS",
            "Skylake-Client",
            "Skylake-Client-IBRS",
            "Skylake-Client-noTSX-IBRS",
            "Skylake-Client-v4",
            "Skylake-Server",
            "Skylake-Server-IBRS",
            "Skylake-Server-noTSX-IBRS",
            "Skylake-Server-v4",
            "Skylake-Server-v5",
            "Cascadelake-Server",
            "Cascadelake-Server-v2",
            "Cascadelake-Server-noTSX",
            "Cascadelake-Server-v4",
            "Cascadelake-Server-v5",
            "Cooperlake",
            "Cooperlake-v2",
            "KnightsMill",
            "Icelake-Client",
            "Icelake-Client-noTSX",
            "Icelake-Server",
            "Icelake-Server-noTSX",
            "Icelake-Server-v3",
            "Icelake-Server-v4",
            "Icelake-Server-v5",
            "Icelake-Server-v6",
            "SapphireRapids",
            "SapphireRapids-v2",
            "GraniteRapids",
            "athlon",
            "phenom",
            "Opteron_G1",
            "Opteron_G2",
            "Opteron_G3",
            "Opteron_G4",
            "Opteron_G5",
            "EPYC",
            "EPYC-IBPB",
            "EPYC-v3",
            "EPYC-v4",
            "EPYC-Rome",
            "EPYC-Rome-v2",
            "EPYC-Rome-v3",
            "EPYC-Rome-v4",
            "EPYC-Milan",
            "EPYC-Milan-v2",
            "EPYC-Genoa",
            "host",
            "kvm32",
            "kvm64",
            "qemu32",
            "qemu64",
            "max");
    private static final List<String> X86_PVE9 = List.of(
            "Icelake-Server-v7",
            "SapphireRapids-v3",
            "SapphireRapids-v4",
            "GraniteRapids-v2",
            "GraniteRapids-v3",
            "SierraForest",
            "SierraForest-v2",
            "SierraForest-v3",
            "ClearwaterForest",
            "EPYC-v5",
            "EPYC-Rome-v5",
            "EPYC-Milan-v3",
            "EPYC-Genoa-v2",
            "EPYC-Turin");
    private static final List<String> AARCH64_PVE9 = List.of(
            "a64fx",
            "cortex-a35",
            "cortex-a53",
            "cortex-a55",
            "cortex-a57",
            "cortex-a710",
            "cortex-a72",
            "cortex-a76",
            "neoverse-n1",
            "neoverse-n2",
            "neoverse-v1");
    /** Abstract built-in models ($builtin_models), valid as cputype but not as reported-model. */
    static final List<String> BUILTIN = List.of("x86-64-v2", "x86-64-v2-AES", "x86-64-v3", "x86-64-v4");

    // 8.x order is the declaration order (used verbatim in the error message); 9.x sorts by name.
    private static final List<String> FLAGS_PVE8 = List.of(
            "pcid",
            "spec-ctrl",
            "ibpb",
            "ssbd",
            "virt-ssbd",
            "amd-ssbd",
            "amd-no-ssb",
            "pdpe1gb",
            "md-clear",
            "hv-tlbflush",
            "hv-evmcs",
            "aes");
    private static final List<String> FLAGS_PVE9 = List.of(
            "aes",
            "amd-no-ssb",
            "amd-ssbd",
            "hv-evmcs",
            "hv-tlbflush",
            "ibpb",
            "md-clear",
            "nested-virt",
            "pcid",
            "pdpe1gb",
            "spec-ctrl",
            "ssbd",
            "virt-ssbd");

    private CpuModels() {}

    /** The models of all architectures, sorted case-insensitively as the reported-model enum is. */
    static List<String> models(String version) {
        List<String> all = new ArrayList<>(X86_COMMON);
        if (Dialect.forVersion(version) == Dialect.PVE9) {
            all.addAll(X86_PVE9);
            all.addAll(AARCH64_PVE9);
        }
        all.sort(String.CASE_INSENSITIVE_ORDER);
        return List.copyOf(all);
    }

    static List<String> flags(String version) {
        return Dialect.forVersion(version) == Dialect.PVE8 ? FLAGS_PVE8 : FLAGS_PVE9;
    }

    /** validate_vm_cpu_conf for one PVE version. */
    static HashFormat.Validator vmCpuValidator(String version) {
        List<String> models = models(version);
        List<String> flags = flags(version);
        String flagRe = "([+-])(" + String.join("|", flags) + ")";
        Pattern flagList = Rx.of("^" + flagRe + "(;" + flagRe + ")*$");
        String subset = "VM-specific CPU flags must be a subset of: " + String.join(", ", flags);
        return parsed -> checkVmCpu(parsed, models, flagList, subset);
    }

    private static void checkVmCpu(Map<String, Object> cpu, List<String> models, Pattern flagList, String subset)
            throws FormatException {
        Object type = cpu.get("cputype");
        if (!Perl.truthy(type)) {
            throw FormatException.die("CPU is missing cputype");
        }
        String cputype = Perl.str(type);
        // custom-<name> models live in the cluster's cpu-models.conf, which a schema cannot see
        if (!cputype.startsWith("custom-") && !models.contains(cputype) && !BUILTIN.contains(cputype)) {
            throw FormatException.die("Built-in cputype '" + cputype + "' is not defined (missing 'custom-' prefix?)");
        }
        Object flags = cpu.get("flags");
        if (Perl.truthy(flags) && !Rx.ok(flagList, Perl.str(flags))) {
            throw FormatException.die(subset);
        }
        if (cpu.get("reported-model") != null) {
            throw FormatException.die("Property 'reported-model' not allowed in VM-specific CPU config.");
        }
    }
}
