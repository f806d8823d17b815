package io.jenkins.plugins.nestedpve.pve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code GET /nodes/{node}/status}, the parts the tool reads (pve-facts §4).
 *
 * @param cpuinfo the CPU
 * @param memory RAM in bytes
 * @param pveversion {@code pve-manager/<ver>/<repoid>}
 * @param kversion the kernel's uname string
 * @param uptime seconds
 * @param rootfsAvail bytes available on {@code /} ({@code rootfs.avail}), -1 when not reported
 */
public record NodeStatus(
        CpuInfo cpuinfo, Memory memory, String pveversion, String kversion, long uptime, long rootfsAvail) {
    /**
     * @param vendor {@code GenuineIntel} or {@code AuthenticAMD}
     * @param model CPU model name
     * @param flags the {@code /proc/cpuinfo} flags
     * @param hvm whether {@code vmx} or {@code svm} is present (PVE's {@code "1"}/{@code ""})
     * @param cpus logical threads
     * @param sockets sockets
     * @param cores physical cores summed over sockets
     */
    public record CpuInfo(
            String vendor, String model, Set<String> flags, boolean hvm, int cpus, int sockets, int cores) {
        public CpuInfo {
            flags = Set.copyOf(flags);
        }

        static CpuInfo from(JsonNode c) {
            Set<String> flags = Arrays.stream(
                            Json.optString(c, "flags").orElse("").split("\\s+"))
                    .filter(f -> !f.isEmpty())
                    .collect(Collectors.toSet());
            return new CpuInfo(
                    Json.optString(c, "vendor").orElse(""),
                    Json.optString(c, "model").orElse(""),
                    flags,
                    Json.asBool(c, "hvm", false),
                    Json.asInt(c, "cpus", 0),
                    Json.asInt(c, "sockets", 0),
                    Json.asInt(c, "cores", 0));
        }

        public boolean intel() {
            return "GenuineIntel".equals(vendor);
        }

        public boolean amd() {
            return "AuthenticAMD".equals(vendor);
        }

        /** Whether the hardware virtualization flag ({@code vmx} or {@code svm}) is exposed. */
        public boolean virtualizationFlag() {
            return flags.contains("vmx") || flags.contains("svm");
        }
    }

    /** RAM in bytes. */
    public record Memory(long total, long used, long free, long available) {
        static Memory from(JsonNode m) {
            long free = Json.asLong(m, "free", 0);
            // `available` (MemAvailable: free plus reclaimable cache) is what a new VM can really get;
            // older nodes may not report it, then `free` is the conservative stand-in.
            return new Memory(
                    Json.asLong(m, "total", 0), Json.asLong(m, "used", 0), free, Json.asLong(m, "available", free));
        }
    }

    static NodeStatus from(JsonNode data) {
        return new NodeStatus(
                CpuInfo.from(data.path("cpuinfo")),
                Memory.from(data.path("memory")),
                Json.optString(data, "pveversion").orElse(""),
                Json.optString(data, "kversion").orElse(""),
                Json.asLong(data, "uptime", 0),
                Json.asLong(data.path("rootfs"), "avail", -1));
    }
}
