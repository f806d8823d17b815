package io.jenkins.plugins.nestedpve.sim.pve;

import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import io.jenkins.plugins.nestedpve.sim.model.SimVm;
import io.jenkins.plugins.nestedpve.sim.shell.Command;
import io.jenkins.plugins.nestedpve.sim.shell.Invocation;
import java.time.Duration;
import java.util.List;

/**
 * {@code pct list}, {@code pct status <vmid>}, {@code pct exec <vmid> -- <cmd>} (pve-facts §12.4;
 * pve-container:src/PVE/CLI/pct.pm). Only the local node's containers. {@code exec} understands
 * {@code true}, {@code echo}, {@code hostname}, {@code uptime} and {@code cat /proc/uptime}.
 */
final class Pct implements Command {
    private final PveMachine m;

    Pct(PveMachine m) {
        this.m = m;
    }

    @Override
    public int run(Invocation inv) {
        List<String> a = inv.params();
        if (a.isEmpty()) {
            inv.err().println("ERROR: no command specified");
            return 255;
        }
        return switch (a.get(0)) {
            case "list" -> list(inv);
            case "status" -> status(inv, a);
            case "exec" -> exec(inv, a);
            default -> {
                inv.err().println("ERROR: unknown command 'pct " + a.get(0) + "'");
                yield 255;
            }
        };
    }

    private int list(Invocation inv) {
        List<SimVm> cts = m.localVms().stream().filter(SimVm::isContainer).toList();
        if (cts.isEmpty()) {
            return 0;
        }
        inv.out().printf("%-10s %-10s %-12s %-20s%n", "VMID", "Status", "Lock", "Name");
        for (SimVm ct : cts) {
            inv.out()
                    .printf(
                            "%-10s %-10s %-12s %-20s%n",
                            ct.vmid(), ct.status(), ct.lock() == null ? "" : ct.lock(), ct.get("hostname"));
        }
        return 0;
    }

    private SimVm local(Invocation inv, String id) {
        try {
            int vmid = Integer.parseInt(id);
            return m.pmxcfs()
                    .vm(vmid)
                    .filter(v -> v.isContainer() && v.node().equals(m.nodeName()))
                    .orElseGet(() -> {
                        inv.err()
                                .println("Configuration file 'nodes/" + m.nodeName() + "/lxc/" + vmid
                                        + ".conf' does not exist");
                        return null;
                    });
        } catch (NumberFormatException e) {
            inv.err()
                    .println("400 Parameter verification failed.\nvmid: type check ('integer') failed - got '" + id
                            + "'");
            return null;
        }
    }

    private int status(Invocation inv, List<String> a) {
        SimVm ct = a.size() < 2 ? null : local(inv, a.get(1));
        if (ct == null) {
            return 255;
        }
        inv.out().println("status: " + ct.status());
        return 0;
    }

    private int exec(Invocation inv, List<String> a) {
        SimVm ct = a.size() < 2 ? null : local(inv, a.get(1));
        if (ct == null) {
            return 255;
        }
        if (!ct.running()) {
            inv.err().println("container '" + ct.vmid() + "' not running!");
            return 255;
        }
        int dash = a.indexOf("--");
        List<String> cmd = dash < 0 ? a.subList(2, a.size()) : a.subList(dash + 1, a.size());
        if (cmd.isEmpty()) {
            return 0;
        }
        long up = ct.startedAt() == null
                ? 0
                : Math.max(
                        0,
                        Duration.between(ct.startedAt(), m.env().clock().instant())
                                .toSeconds());
        switch (cmd.get(0)) {
            case "true" -> {
                return 0;
            }
            case "echo" -> inv.out().println(String.join(" ", cmd.subList(1, cmd.size())));
            case "hostname" -> inv.out().println(ct.get("hostname"));
            case "uptime" -> inv.out().printf(" up %d min,  0 users,  load average: 0.00, 0.00, 0.00%n", up / 60);
            case "cat" -> inv.out().println(up + ".00 " + up + ".00");
            default -> {
                inv.err()
                        .println("lxc-attach: " + ct.vmid() + ": attach.c: lxc_attach_run_command: Failed to exec \""
                                + cmd.get(0) + "\"");
                return 127;
            }
        }
        return 0;
    }
}
