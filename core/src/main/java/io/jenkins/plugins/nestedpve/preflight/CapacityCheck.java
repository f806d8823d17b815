package io.jenkins.plugins.nestedpve.preflight;

import io.jenkins.plugins.nestedpve.spec.SpecProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Pure capacity decision for Phase 0: does the host have the memory and CPUs for the guests? The
 * guests' memory must fit into the host's available memory minus a safety margin (the larger of 1
 * GiB and 10 % of the host's total), so the host itself and its other VMs keep room.
 */
public final class CapacityCheck {
    /** Smallest margin kept free on the host, in MiB. */
    public static final long MIN_MARGIN_MIB = 1024;
    /** Share of the host's total memory kept free, in percent. */
    public static final int MARGIN_PERCENT = 10;

    private static final long MIB = 1024L * 1024L;

    private CapacityCheck() {}

    /**
     * The problems, empty when the guests fit.
     *
     * @param host what the host has
     * @param hostNode the host's node name, for messages
     * @param nodes guests to create
     * @param memoryMiB memory per guest
     * @param cores vCPUs per guest
     */
    public static List<SpecProblem> problems(HostCapacity host, String hostNode, int nodes, int memoryMiB, int cores) {
        List<SpecProblem> problems = new ArrayList<>();
        long totalMiB = host.memoryTotalBytes() / MIB;
        long availableMiB = host.memoryAvailableBytes() / MIB;
        long marginMiB = Math.max(MIN_MARGIN_MIB, totalMiB * MARGIN_PERCENT / 100);
        long neededMiB = (long) nodes * memoryMiB;
        if (neededMiB + marginMiB > availableMiB) {
            problems.add(new SpecProblem(
                    "memoryMiB",
                    String.format(
                            Locale.ROOT,
                            "%d nodes × %d MiB = %s plus a safety margin of %s do not fit into the %s available on %s"
                                    + " (of %s) — lower nodes or memoryMiB, or free memory on %s",
                            nodes,
                            memoryMiB,
                            gib(neededMiB),
                            gib(marginMiB),
                            gib(availableMiB),
                            hostNode,
                            gib(totalMiB),
                            hostNode)));
        }
        if (host.cpus() > 0 && cores > host.cpus()) {
            problems.add(new SpecProblem(
                    "cores",
                    cores + " vCPUs per guest exceed the " + host.cpus()
                            + " logical CPUs of " + hostNode + ", and PVE does not start a VM with more vCPUs than the"
                            + " host has — set cores to at most " + host.cpus()));
        }
        return List.copyOf(problems);
    }

    private static String gib(long mib) {
        return String.format(Locale.ROOT, "%.1f GiB", mib / 1024.0);
    }
}
