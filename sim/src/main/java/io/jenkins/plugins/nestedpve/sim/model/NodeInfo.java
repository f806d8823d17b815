package io.jenkins.plugins.nestedpve.sim.model;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /nodes/{node}/status} of a machine (pve-manager:PVE/API2/Nodes.pm status; pve-facts
 * §4): loadavg as strings, cpuinfo with {@code hvm} {@code "1"} or {@code ""} and {@code mhz} as a
 * string, memory in bytes.
 */
public final class NodeInfo {
    private static final long GIB = 1024L * 1024 * 1024;

    private NodeInfo() {}

    public static long uptimeSeconds(PveMachine m) {
        return m.bootedAt() == null
                ? 0
                : Math.max(
                        1,
                        Duration.between(m.bootedAt(), m.env().clock().instant())
                                .toSeconds());
    }

    /** Memory in use: a base for PVE itself plus the running VMs. */
    public static long usedMemory(PveMachine m) {
        long used = 2 * GIB;
        for (SimVm vm : m.localVms()) {
            if (vm.running()) {
                used += GuestLauncher.memoryMiB(vm.get("memory")) * 1024L * 1024L;
            }
        }
        return Math.min(used, m.hardware().memoryBytes());
    }

    public static Map<String, Object> status(PveMachine m) {
        Hardware hw = m.hardware();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("uptime", uptimeSeconds(m));
        s.put("idle", 0);
        s.put("loadavg", List.of("0.12", "0.08", "0.05"));
        s.put("cpu", 0.0213);
        s.put("wait", 0.0004);
        s.put("kversion", "Linux " + m.runningKernel() + " #1 SMP PREEMPT_DYNAMIC PMX x86_64");
        s.put(
                "current-kernel",
                Map.of(
                        "sysname",
                        "Linux",
                        "release",
                        m.runningKernel(),
                        "version",
                        "#1 SMP PREEMPT_DYNAMIC PMX",
                        "machine",
                        "x86_64"));
        s.put("boot-info", Map.of("mode", "efi", "secureboot", 0));
        long total = hw.memoryBytes();
        long used = usedMemory(m);
        s.put("memory", Map.of("total", total, "used", used, "free", total - used, "available", total - used));
        s.put("swap", Map.of("total", 8 * GIB, "used", 0L, "free", 8 * GIB));
        s.put("ksm", Map.of("shared", 0));
        s.put("rootfs", Map.of("total", 100 * GIB, "avail", 88 * GIB, "used", 12 * GIB, "free", 88 * GIB));
        s.put("pveversion", m.version().managerString());
        s.put("cpuinfo", cpuinfo(hw));
        return s;
    }

    /** ProcFSTools read_cpuinfo: hvm is "1" when the flags contain vmx or svm, else "". */
    public static Map<String, Object> cpuinfo(Hardware hw) {
        String flags = hw.flags();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("model", hw.vendor().modelName());
        c.put("vendor", hw.vendor().vendorId());
        c.put("family", hw.vendor().family());
        c.put("mhz", "2000.000");
        c.put("cpus", hw.cpus());
        c.put("sockets", 1);
        c.put("cores", hw.cpus());
        c.put("user_hz", 100);
        c.put("flags", flags);
        String padded = " " + flags + " ";
        c.put("hvm", padded.contains(" vmx ") || padded.contains(" svm ") ? "1" : "");
        return c;
    }
}
