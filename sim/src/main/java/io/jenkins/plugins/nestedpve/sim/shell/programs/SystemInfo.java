package io.jenkins.plugins.nestedpve.sim.shell.programs;

import io.jenkins.plugins.nestedpve.sim.shell.Command;
import io.jenkins.plugins.nestedpve.sim.shell.Invocation;
import io.jenkins.plugins.nestedpve.sim.shell.MachineFiles;
import io.jenkins.plugins.nestedpve.sim.shell.VirtualFs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** uname, hostname, hostnamectl, nproc. */
final class SystemInfo {
    static final String DEFAULT_RELEASE = "6.8.12-4-pve";
    static final String DEFAULT_VERSION = "#1 SMP PREEMPT_DYNAMIC PMX 6.8.12-4 (2024-11-06T15:04Z)";

    private SystemInfo() {}

    static void register(Map<String, Command> programs) {
        programs.put("uname", SystemInfo::uname);
        programs.put("hostname", SystemInfo::hostname);
        programs.put("hostnamectl", SystemInfo::hostnamectl);
        programs.put("nproc", inv -> {
            long n = inv.fs()
                    .read(MachineFiles.CPUINFO)
                    .orElse("")
                    .lines()
                    .filter(l -> l.startsWith("processor"))
                    .count();
            inv.out().println(Math.max(1, n));
            return 0;
        });
    }

    private static String first(VirtualFs fs, String path, String dflt) {
        return fs.read(path).map(String::trim).filter(s -> !s.isEmpty()).orElse(dflt);
    }

    private static int uname(Invocation inv) {
        Opts o = Opts.parse(inv.params(), "");
        VirtualFs fs = inv.fs();
        boolean all = o.has('a', "all");
        List<String> parts = new ArrayList<>();
        if (all || o.has('s', "kernel-name") || o.flags.isEmpty() && o.longs.isEmpty()) {
            parts.add("Linux");
        }
        if (all || o.has('n', "nodename")) {
            parts.add(Hosts.kernelHostname(fs));
        }
        if (all || o.has('r', "kernel-release")) {
            parts.add(first(fs, MachineFiles.KERNEL_RELEASE, DEFAULT_RELEASE));
        }
        if (all || o.has('v', "kernel-version")) {
            parts.add(first(fs, MachineFiles.KERNEL_VERSION, DEFAULT_VERSION));
        }
        if (all || o.has('m', "machine")) {
            parts.add("x86_64");
        }
        if (!all && o.has('p', "processor")) {
            parts.add("unknown");
        }
        if (!all && o.has('i', "hardware-platform")) {
            parts.add("unknown");
        }
        if (all || o.has('o', "operating-system")) {
            parts.add("GNU/Linux");
        }
        inv.out().println(String.join(" ", parts));
        return 0;
    }

    private static int hostname(Invocation inv) {
        Opts o = Opts.parse(inv.params(), "F");
        VirtualFs fs = inv.fs();
        String name = Hosts.kernelHostname(fs);
        if (!o.operands.isEmpty()) {
            fs.write(MachineFiles.KERNEL_HOSTNAME, o.operands.get(0) + "\n");
            return 0;
        }
        if (o.has('I', "all-ip-addresses")) {
            String all = IpConfig.read(fs).stream()
                    .filter(a -> !a.ifname().equals("lo"))
                    .map(IpConfig.Address::ip)
                    .collect(Collectors.joining(" "));
            inv.out().println(all.isEmpty() ? "" : all + " ");
            return 0;
        }
        String shortName = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (o.has('s', "short")) {
            inv.out().println(shortName);
            return 0;
        }
        boolean ip = o.has('i', "ip-address");
        boolean fqdn = o.has('f', "fqdn") || o.has('A') || o.longs.containsKey("long") || o.has('d', "domain");
        if (!ip && !fqdn) {
            inv.out().println(name);
            return 0;
        }
        List<Hosts.Entry> entries = Hosts.lookup(fs, name);
        if (entries.isEmpty()) {
            inv.err().println("hostname: Name or service not known");
            return 1;
        }
        if (ip) {
            inv.out().println(entries.stream().map(Hosts.Entry::address).collect(Collectors.joining(" ")) + " ");
            return 0;
        }
        String canonical = entries.get(0).names().get(0);
        if (o.has('d', "domain")) {
            inv.out().println(canonical.contains(".") ? canonical.substring(canonical.indexOf('.') + 1) : "");
        } else {
            inv.out().println(canonical);
        }
        return 0;
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
