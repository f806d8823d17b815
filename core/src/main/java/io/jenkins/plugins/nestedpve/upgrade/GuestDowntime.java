package io.jenkins.plugins.nestedpve.upgrade;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * A workload guest watched through the trial.
 *
 * @param vmid its id inside the nested cluster
 * @param type {@code qemu} or {@code lxc}
 * @param homeNode the node it was started on
 * @param finalNode the node it ran on at the end
 * @param downtime the total time it was seen not running (from the first failed probe to the next
 *     good one, summed)
 * @param longestOutage the longest single outage
 * @param runningAtEnd whether it was running when the trial ended
 * @param limit the plan's {@code maxGuestDowntime}, or null
 */
public record GuestDowntime(
        int vmid,
        String type,
        String homeNode,
        String finalNode,
        Duration downtime,
        Duration longestOutage,
        boolean runningAtEnd,
        Duration limit)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public GuestDowntime {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(homeNode, "homeNode");
        Objects.requireNonNull(downtime, "downtime");
        Objects.requireNonNull(longestOutage, "longestOutage");
    }

    /** {@code qemu/<vmid>} or {@code lxc/<vmid>}. */
    public String name() {
        return type + "/" + vmid;
    }

    /** Whether its downtime exceeds the limit. */
    public boolean exceeded() {
        return limit != null && downtime.compareTo(limit) > 0;
    }

    /** Ran at the end and stayed within the limit. */
    public boolean ok() {
        return runningAtEnd && !exceeded();
    }
}
