package io.jenkins.plugins.nestedpve.sim.shell.programs;

import io.jenkins.plugins.nestedpve.sim.shell.MachineFiles;
import io.jenkins.plugins.nestedpve.sim.shell.VirtualFs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Kernel module state in the {@link VirtualFs} (pve-facts §6): a module is loaded while {@code
 * /sys/module/NAME} exists. Loading {@code kvm_intel}/{@code kvm_amd} also loads {@code kvm},
 * creates {@code /dev/kvm} and writes {@code parameters/nested}: Intel's bool reads {@code Y}/{@code
 * N}, AMD's int reads back the number ({@code 1}/{@code 0}); both default to on (Linux >= 4.20),
 * and {@code options kvm-intel nested=...} lines in {@code /etc/modprobe.d/*.conf} (dash and
 * underscore equivalent) apply, later files and command-line parameters winning. A vendor module
 * does not load on the other vendor's CPU, nor without the {@code vmx}/{@code svm} CPU flag.
 */
public final class KvmModule {
    static final Set<String> VENDORS = Set.of("kvm_intel", "kvm_amd");

    private KvmModule() {}

    /** Module names are compared with {@code -} and {@code _} equivalent, as kmod does. */
    static String normalize(String module) {
        return module.replace('-', '_');
    }

    private static String dir(String module) {
        return MachineFiles.SYS_MODULE + "/" + module;
    }

    static boolean loaded(VirtualFs fs, String module) {
        return fs.isDirectory(dir(module));
    }

    /**
     * Boots the kvm modules as the kernel does at startup: clears module state, then loads the
     * vendor module matching {@code /proc/cpuinfo} (if the CPU has vmx/svm) with the options from
     * {@code /etc/modprobe.d}. The machine model calls this when a machine (re)boots.
     */
    public static void boot(VirtualFs fs) {
        for (String m : List.of("kvm_intel", "kvm_amd", "kvm")) {
            fs.deleteTree(dir(m));
        }
        fs.delete(MachineFiles.DEV_KVM);
        String cpuinfo = fs.read(MachineFiles.CPUINFO).orElse("");
        String vendor = cpuinfo.contains("AuthenticAMD") ? "kvm_amd" : "kvm_intel";
        if (load(fs, vendor, List.of()) != null) {
            fs.deleteTree(dir("kvm"));
        }
    }

    /** Loads a module; returns the strerror text of a failure, or null. Loaded modules are left alone. */
    static String load(VirtualFs fs, String module, List<String> cmdline) {
        if (loaded(fs, module)) {
            return null;
        }
        if (!VENDORS.contains(module)) {
            fs.mkdir(dir(module));
            return null;
        }
        if (!cpuSupports(fs, module)) {
            return "Operation not supported";
        }
        List<String> params = new ArrayList<>(configuredOptions(fs, module));
        params.addAll(cmdline);
        String nested = module.equals("kvm_intel") ? "Y" : "1";
        for (String param : params) {
            String[] kv = param.split("=", 2);
            if (!kv[0].equals("nested")) {
                continue;
            }
            String value = kv.length > 1 ? kv[1] : "";
            nested = module.equals("kvm_intel") ? parseBool(value) : parseInt(value);
            if (nested == null) {
                return "Invalid argument";
            }
        }
        fs.mkdir(dir("kvm"));
        fs.mkdir(dir(module));
        fs.write(dir(module) + "/parameters/nested", nested + "\n");
        fs.write(MachineFiles.DEV_KVM, "");
        return null;
    }

    /**
     * Removes a module; returns the kmod message of a failure (without prefix), or null.
     *
     * @param modprobe modprobe's texts and behaviour (also removes the now unused {@code kvm});
     *     otherwise rmmod's
     */
    static String remove(VirtualFs fs, String module, int runningVms, boolean modprobe) {
        if (!loaded(fs, module)) {
            return "Module " + module + (modprobe ? " is not in kernel" : " is not currently loaded");
        }
        List<String> holders = holders(fs, module);
        if (!holders.isEmpty()) {
            return "Module " + module + " is in use" + (modprobe ? "" : " by: " + String.join(" ", holders));
        }
        if (VENDORS.contains(module) && runningVms > 0) {
            return "Module " + module + " is in use";
        }
        fs.deleteTree(dir(module));
        if (VENDORS.contains(module)) {
            fs.delete(MachineFiles.DEV_KVM);
            if (modprobe && holders(fs, "kvm").isEmpty()) {
                fs.deleteTree(dir("kvm"));
            }
        }
        return null;
    }

    /** Loaded modules that depend on {@code module} (the vendor modules hold {@code kvm}). */
    static List<String> holders(VirtualFs fs, String module) {
        if (!module.equals("kvm")) {
            return List.of();
        }
        return VENDORS.stream().filter(v -> loaded(fs, v)).sorted().toList();
    }

    private static boolean cpuSupports(VirtualFs fs, String module) {
        String cpuinfo = fs.read(MachineFiles.CPUINFO).orElse(null);
        if (cpuinfo == null) {
            return module.equals("kvm_intel");
        }
        boolean amd = cpuinfo.contains("AuthenticAMD");
        String flag = module.equals("kvm_amd") ? "svm" : "vmx";
        boolean hasFlag = cpuinfo.lines()
                .filter(l -> l.startsWith("flags"))
                .anyMatch(l -> List.of(l.substring(l.indexOf(':') + 1).trim().split("\\s+"))
                        .contains(flag));
        return amd == module.equals("kvm_amd") && hasFlag;
    }

    /** {@code options MODULE k=v...} values from {@code /etc/modprobe.d/*.conf}, in file-name order. */
    static List<String> configuredOptions(VirtualFs fs, String module) {
        List<String> params = new ArrayList<>();
        for (String name : fs.list(MachineFiles.MODPROBE_D)) {
            if (!name.endsWith(".conf")) {
                continue;
            }
            String content = fs.read(MachineFiles.MODPROBE_D + "/" + name).orElse("");
            for (String line : content.split("\n")) {
                String[] words = line.replaceFirst("#.*", "").trim().split("\\s+");
                if (words.length >= 3
                        && words[0].equals("options")
                        && normalize(words[1]).equals(module)) {
                    params.addAll(List.of(words).subList(2, words.length));
                }
            }
        }
        return params;
    }

    /** The kernel's bool parameter parsing (kstrtobool): Y/y/T/t/1/on true, N/n/F/f/0/off false. */
    static String parseBool(String value) {
        if (value.isEmpty()) {
            return "Y";
        }
        String v = value.toLowerCase(Locale.ROOT);
        char c = v.charAt(0);
        if (c == 'y' || c == 't' || c == '1' || v.equals("on")) {
            return "Y";
        }
        if (c == 'n' || c == 'f' || c == '0' || v.startsWith("of")) {
            return "N";
        }
        return null;
    }

    /** The kernel's int parameter parsing (kstrtoint, base 0); null when invalid (e.g. {@code Y}). */
    static String parseInt(String value) {
        try {
            String v = value.startsWith("+") ? value.substring(1) : value;
            boolean negative = v.startsWith("-");
            String digits = negative ? v.substring(1) : v;
            long n;
            if (digits.startsWith("0x") || digits.startsWith("0X")) {
                n = Long.parseLong(digits.substring(2), 16);
            } else if (digits.length() > 1 && digits.startsWith("0")) {
                n = Long.parseLong(digits.substring(1), 8);
            } else {
                n = Long.parseLong(digits);
            }
            return Long.toString(negative ? -n : n);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
