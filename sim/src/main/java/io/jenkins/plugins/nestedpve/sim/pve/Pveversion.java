package io.jenkins.plugins.nestedpve.sim.pve;

import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import io.jenkins.plugins.nestedpve.sim.model.PveVersion;
import io.jenkins.plugins.nestedpve.sim.shell.Command;
import io.jenkins.plugins.nestedpve.sim.shell.Invocation;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code pveversion [-v]} (pve-manager:bin/pveversion; pve-facts §7). */
final class Pveversion implements Command {
    private final PveMachine m;

    Pveversion(PveMachine m) {
        this.m = m;
    }

    @Override
    public int run(Invocation inv) {
        PveVersion v = m.version();
        List<String> a = inv.params();
        if (a.contains("-v") || a.contains("--verbose")) {
            inv.out().print(verbose(v, m.runningKernel()));
            return 0;
        }
        if (!a.isEmpty()) {
            inv.err().println("ERROR: unknown option '" + a.get(0) + "'");
            return 255;
        }
        inv.out().println(v.managerString() + " (running kernel: " + m.runningKernel() + ")");
        return 0;
    }

    /** proxmox-ve, pve-manager, kernels (newest first), then the fixed list sorted by name. */
    static String verbose(PveVersion v, String running) {
        boolean nine = v.major() >= 9;
        String kernelPkg = v.kernel().replace("-pve", "");
        StringBuilder sb = new StringBuilder();
        sb.append("proxmox-ve: ")
                .append(v.release())
                .append(".0 (running kernel: ")
                .append(running)
                .append(")\n");
        sb.append("pve-manager: ")
                .append(v.version())
                .append(" (running version: ")
                .append(v.version())
                .append('/')
                .append(v.repoid())
                .append(")\n");
        sb.append("proxmox-kernel-helper: ").append(nine ? "9.0.4" : "8.1.1").append('\n');
        sb.append("proxmox-kernel-")
                .append(v.kernel())
                .append("-signed: ")
                .append(kernelPkg)
                .append('\n');
        if (!running.equals(v.kernel())) {
            // the booted kernel stays installed until autoremove
            sb.append("proxmox-kernel-")
                    .append(running)
                    .append("-signed: ")
                    .append(running.replace("-pve", ""))
                    .append('\n');
        }
        Map<String, String> fixed = new TreeMap<>();
        fixed.put("ceph-fuse", nine ? "19.2.3-pve1" : "17.2.8-pve2");
        fixed.put("corosync", nine ? "3.1.9-pve2" : "3.1.9-pve1");
        fixed.put("libknet1", nine ? "1.30-pve2" : "1.30-pve2");
        fixed.put("libpve-access-control", nine ? "9.0.4" : "8.2.2");
        fixed.put("libpve-cluster-perl", nine ? "9.0.7" : "8.1.0");
        fixed.put("libpve-common-perl", nine ? "9.0.14" : "8.3.1");
        fixed.put("libpve-guest-common-perl", nine ? "6.0.2" : "5.2.2");
        fixed.put("libpve-storage-perl", nine ? "9.0.18" : "8.3.6");
        fixed.put("lxc-pve", nine ? "6.0.5-3" : "6.0.0-1");
        fixed.put("proxmox-widget-toolkit", nine ? "5.1.2" : "4.3.10");
        fixed.put("pve-cluster", nine ? "9.0.7" : "8.1.0");
        fixed.put("pve-container", nine ? "6.0.18" : "5.2.6");
        fixed.put("pve-docs", nine ? "9.1.1" : "8.4.0");
        fixed.put("pve-firewall", nine ? "6.0.4" : "5.1.1");
        fixed.put("pve-ha-manager", nine ? "5.0.8" : "4.0.7");
        fixed.put("pve-qemu-kvm", nine ? "10.1.2-4" : "9.2.0-5");
        fixed.put("qemu-server", nine ? "9.1.1" : "8.3.12");
        fixed.put("swtpm", nine ? "0.8.0+pve3" : "0.8.0+pve1");
        fixed.forEach((k, val) -> sb.append(k).append(": ").append(val).append('\n'));
        return sb.toString();
    }
}
