package io.jenkins.plugins.nestedpve.capacity;

import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import java.time.Duration;
import java.util.UUID;

/**
 * What one provisioning asks of a host's room.
 *
 * @param node the node the guests go to
 * @param installation the installation asking
 * @param lease the provisioning's lease
 * @param cluster the cluster's name
 * @param needMiB the guests' memory together
 * @param reserveMiB the administrator's reserve on the host
 * @param timeout how long to wait in line at most ({@link Duration#ZERO}: not at all)
 * @param hold how long an admitted ticket holds its room at most (the provisioning's overall bound)
 */
public record RoomRequest(
        String node,
        UUID installation,
        String lease,
        String cluster,
        long needMiB,
        long reserveMiB,
        Duration timeout,
        Duration hold) {
    /** The wait of a spec that has none (one saved before the field existed). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    /** The request of {@code spec}'s cluster under {@code lease}. */
    public static RoomRequest of(ClusterSpec spec, String lease) {
        return new RoomRequest(
                spec.host().node(),
                spec.installationId(),
                lease,
                spec.clusterName(),
                (long) spec.nodes() * spec.memoryMiB(),
                spec.hostReserveMiB(),
                spec.capacityTimeout() == null ? DEFAULT_TIMEOUT : spec.capacityTimeout(),
                spec.timeouts().overall());
    }
}
