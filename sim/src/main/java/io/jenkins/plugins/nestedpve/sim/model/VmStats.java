package io.jenkins.plugins.nestedpve.sim.model;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Resource counters of a VM as pvestatd reports them (status/current, /cluster/resources). */
public final class VmStats {
    private VmStats() {}

    /** Adds maxcpu, cpu, maxmem, mem, maxdisk, disk, uptime and I/O counters to {@code e}. */
    public static void fill(SimVm vm, Map<String, Object> e, Instant now) {
        boolean running = vm.running();
        long maxmem = GuestLauncher.memoryMiB(vm.get("memory")) * 1024L * 1024L;
        int cores = parse(vm.get("cores"), 1) * parse(vm.get("sockets"), 1);
        e.put("maxcpu", cores);
        e.put("cpu", running ? 0.0312 : 0);
        e.put("maxmem", maxmem);
        e.put("mem", running ? maxmem : 0); // as the node's used memory counts it (NodeInfo)
        e.put("maxdisk", BootDisk.size(vm));
        e.put("disk", 0);
        Instant started = vm.startedAt();
        e.put(
                "uptime",
                running && started != null
                        ? Math.max(0, Duration.between(started, now).toSeconds())
                        : 0);
        e.put("netin", running ? 123456 : 0);
        e.put("netout", running ? 65432 : 0);
        e.put("diskread", running ? 1048576 : 0);
        e.put("diskwrite", running ? 524288 : 0);
    }

    /** {@code GET .../status/current}. */
    public static Map<String, Object> current(SimVm vm, Instant now, boolean nine) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("vmid", vm.vmid());
        s.put("status", vm.status());
        s.put("qmpstatus", vm.status());
        if (vm.name() != null) {
            s.put("name", vm.name());
        }
        fill(vm, s, now);
        s.put("cpus", s.get("maxcpu"));
        if (vm.running()) {
            s.put("pid", 10000 + vm.vmid());
            s.put("running-machine", "pc-i440fx-9.2+pve0");
            s.put("running-qemu", "9.2.0");
        }
        if (vm.lock() != null) {
            s.put("lock", vm.lock());
        }
        if (vm.get("tags") != null) {
            s.put("tags", vm.get("tags"));
        }
        if (vm.isTemplate()) {
            s.put("template", 1);
        }
        if (vm.get("agent") != null) {
            s.put("agent", vm.get("agent").startsWith("0") ? 0 : 1);
        }
        s.put("ha", Map.of("managed", 0));
        if (nine) {
            s.put("memhost", s.get("mem"));
        }
        return s;
    }

    private static int parse(String v, int d) {
        try {
            return v == null ? d : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return d;
        }
    }
}
