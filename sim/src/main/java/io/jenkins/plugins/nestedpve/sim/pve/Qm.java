package io.jenkins.plugins.nestedpve.sim.pve;

import io.jenkins.plugins.nestedpve.sim.http.ApiException;
import io.jenkins.plugins.nestedpve.sim.model.GuestLauncher;
import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import io.jenkins.plugins.nestedpve.sim.model.SimVm;
import io.jenkins.plugins.nestedpve.sim.shell.Command;
import io.jenkins.plugins.nestedpve.sim.shell.Invocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A minimal {@code qm}: list, create, start, stop, destroy, config (qemu-server:src/PVE/CLI/qm.pm). */
final class Qm implements Command {
    private final PveMachine m;

    Qm(PveMachine m) {
        this.m = m;
    }

    @Override
    public int run(Invocation inv) throws InterruptedException {
        List<String> a = inv.params();
        if (a.isEmpty()) {
            inv.err().println("ERROR: no command specified");
            return 255;
        }
        try {
            return switch (a.get(0)) {
                case "list" -> list(inv);
                case "config" -> config(inv, vmid(a));
                case "create" -> CliTasks.runTask(m, inv, () -> m.vms().create(vmid(a), options(a), CliTasks.ROOT));
                case "start" -> CliTasks.runTask(m, inv, () -> m.vms().power().start(vmid(a), false, CliTasks.ROOT));
                case "stop" -> CliTasks.runTask(m, inv, () -> m.vms().power().stop(vmid(a), false, CliTasks.ROOT));
                case "destroy" -> CliTasks.runTask(m, inv, () -> m.vms().destroy(vmid(a), false, CliTasks.ROOT));
                default -> {
                    inv.err().println("ERROR: unknown command 'qm " + a.get(0) + "'");
                    yield 255;
                }
            };
        } catch (ApiException | IllegalArgumentException e) {
            return CliTasks.die(inv, e);
        }
    }

    private static int vmid(List<String> a) {
        if (a.size() < 2) {
            throw new IllegalArgumentException("400 not enough arguments");
        }
        return Integer.parseInt(a.get(1));
    }

    /** {@code --key value} pairs after the vmid. */
    private static Map<String, String> options(List<String> a) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 2; i + 1 < a.size(); i += 2) {
            out.put(a.get(i).replaceFirst("^--?", ""), a.get(i + 1));
        }
        return out;
    }

    private int list(Invocation inv) {
        inv.out().println("      VMID NAME                 STATUS     MEM(MB)    BOOTDISK(GB) PID       ");
        for (SimVm vm : m.localVms()) {
            long mem = GuestLauncher.memoryMiB(vm.get("memory"));
            inv.out()
                    .println(String.format(
                            Locale.ROOT,
                            "%10d %-20s %-10s %-10d %-12.2f %-10d",
                            vm.vmid(),
                            vm.name() == null ? "" : vm.name(),
                            vm.status(),
                            mem,
                            32.0,
                            vm.running() ? 10000 + vm.vmid() : 0));
        }
        return 0;
    }

    private int config(Invocation inv, int vmid) {
        SimVm vm = m.vms().require(vmid);
        Map<String, String> cfg = vm.currentConfig();
        if (cfg.containsKey("description")) {
            inv.out().println("description: " + cfg.get("description").replace("\n", "\\n"));
        }
        new java.util.TreeMap<>(cfg).forEach((k, v) -> {
            if (!k.equals("description")) {
                inv.out().println(k + ": " + v);
            }
        });
        return 0;
    }
}
