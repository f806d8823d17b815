package io.jenkins.plugins.nestedpve.capacity;

/**
 * A nested-pve guest on the host, of any installation, as its tag, its marker and {@code /cluster/resources}
 * show it.
 *
 * @param installation the installation in its marker, or null when the marker is missing or unreadable
 * @param lease the lease in its marker, or null
 * @param cluster the cluster in its marker, or null
 * @param maxmemMiB the configured memory
 * @param memMiB what it uses now (0 when not running)
 */
public record RoomGuest(
        int vmid,
        String node,
        String name,
        String status,
        long maxmemMiB,
        long memMiB,
        String installation,
        String lease,
        String cluster) {
    /** Whether it runs. */
    public boolean running() {
        return "running".equals(status);
    }

    /**
     * What it may still take from the host: the rest of its configured memory while it runs, all of it while it
     * is stopped (it is a guest about to start, or one a user may start again).
     */
    public long mayStillTakeMiB() {
        return running() ? Math.max(0, maxmemMiB - memMiB) : maxmemMiB;
    }
}
