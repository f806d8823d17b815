package io.jenkins.plugins.nestedpve.sim.shell.programs;

import io.jenkins.plugins.nestedpve.sim.shell.Command;
import io.jenkins.plugins.nestedpve.sim.shell.Invocation;
import io.jenkins.plugins.nestedpve.sim.shell.MachineFiles;
import io.jenkins.plugins.nestedpve.sim.shell.MachineHooks;
import io.jenkins.plugins.nestedpve.sim.shell.VirtualFs;
import java.util.List;
import java.util.Map;

/**
 * {@code modprobe [-r] [-q] [-v] MODULE [param=value...]}, {@code rmmod MODULE}, {@code lsmod}.
 * Loaded modules are the directories under {@code /sys/module}; the kvm vendor modules follow
 * pve-facts §6 (see {@link KvmModule}). Messages follow kmod (tools/modprobe.c, tools/rmmod.c):
 * modprobe prints {@code modprobe: FATAL: ...} for removal failures and {@code modprobe: ERROR:
 * could not insert ...} for load failures, both with exit 1.
 */
final class KernelModules {
    private final MachineHooks hooks;

    private KernelModules(MachineHooks hooks) {
        this.hooks = hooks;
    }

    static void register(Map<String, Command> programs, MachineHooks hooks) {
        KernelModules m = new KernelModules(hooks);
        programs.put("modprobe", m::modprobe);
    }

    private int modprobe(Invocation inv) {
        Opts o = Opts.parse(inv.params(), "CdS");
        boolean remove = o.has('r', "remove");
        boolean quiet = o.has('q', "quiet");
        if (o.operands.isEmpty()) {
            inv.err().println("modprobe: ERROR: missing parameters. See -h.");
            return 1;
        }
        if (remove) {
            for (String module : o.operands) {
                String error = KvmModule.remove(inv.fs(), KvmModule.normalize(module), hooks.runningVmCount(), true);
                if (error != null) {
                    if (!quiet) {
                        inv.err().println("modprobe: FATAL: " + error + ".");
                    }
                    return 1;
                }
            }
            return 0;
        }
        boolean all = o.has('a', "all");
        List<String> modules = all ? o.operands : List.of(o.operands.get(0));
        List<String> params = all ? List.of() : o.operands.subList(1, o.operands.size());
        for (String module : modules) {
            String name = KvmModule.normalize(module);
            String error = KvmModule.load(inv.fs(), name, params);
            if (error != null) {
                if (!quiet) {
                    inv.err().println("modprobe: ERROR: could not insert '" + name + "': " + error);
                }
                return 1;
            }
            if (o.has('v', "verbose")) {
                inv.out()
                        .println("insmod /lib/modules/" + release(inv.fs()) + "/kernel/arch/x86/kvm/"
                                + name.replace('_', '-') + ".ko " + String.join(" ", params));
            }
        }
        return 0;
    }

    private static String release(VirtualFs fs) {
        return fs.read(MachineFiles.KERNEL_RELEASE).map(String::trim).orElse(SystemInfo.DEFAULT_RELEASE);
    }
}
