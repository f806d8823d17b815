package io.jenkins.plugins.nestedpve.sim.shell.programs;

import io.jenkins.plugins.nestedpve.sim.shell.Command;
import io.jenkins.plugins.nestedpve.sim.shell.Invocation;
import io.jenkins.plugins.nestedpve.sim.shell.MachineFiles;
import io.jenkins.plugins.nestedpve.sim.shell.VirtualFs;
import java.util.List;
import java.util.Map;

/** hostnamectl (the engine sets a clone's hostname with it). */
final class SystemInfo {
    static final String DEFAULT_RELEASE = "6.8.12-4-pve";
    static final String DEFAULT_VERSION = "#1 SMP PREEMPT_DYNAMIC PMX 6.8.12-4 (2024-11-06T15:04Z)";

    private SystemInfo() {}

    static void register(Map<String, Command> programs) {
        programs.put("hostnamectl", SystemInfo::hostnamectl);
    }

    private static String first(VirtualFs fs, String path, String dflt) {
        return fs.read(path).map(String::trim).filter(s -> !s.isEmpty()).orElse(dflt);
    }

    private static int hostnamectl(Invocation inv) {
        List<String> args =
                inv.params().stream().filter(a -> !a.startsWith("--")).toList();
        VirtualFs fs = inv.fs();
        if (!args.isEmpty()
                && (args.get(0).equals("set-hostname") || args.get(0).equals("hostname") && args.size() > 1)) {
            if (args.size() < 2) {
                inv.err().println("Too few arguments.");
                return 1;
            }
            String name = args.get(1);
            fs.write(MachineFiles.HOSTNAME, name + "\n");
            fs.write(MachineFiles.KERNEL_HOSTNAME, name + "\n");
            return 0;
        }
        if (!args.isEmpty() && args.get(0).equals("hostname")) {
            inv.out().println(Hosts.kernelHostname(fs));
            return 0;
        }
        inv.out().println(" Static hostname: " + first(fs, MachineFiles.HOSTNAME, "localhost"));
        inv.out().println("       Icon name: computer-vm");
        inv.out().println("         Chassis: vm");
        inv.out().println("      Machine ID: " + first(fs, MachineFiles.MACHINE_ID, ""));
        inv.out().println("Operating System: Debian GNU/Linux");
        inv.out().println("          Kernel: Linux " + first(fs, MachineFiles.KERNEL_RELEASE, DEFAULT_RELEASE));
        inv.out().println("    Architecture: x86-64");
        return 0;
    }
}
