package io.jenkins.plugins.nestedpve.capacity;

import java.util.List;
import java.util.Locale;

/**
 * The room one host node has for new guests, read from the host: its available memory, minus a safety
 * margin (as the preflight's capacity check keeps), minus the administrator's reserve, minus what the
 * nested-pve guests of every installation may still take, minus what admitted clusters hold whose guests do
 * not exist yet.
 *
 * @param node the node
 * @param totalMiB the node's memory
 * @param availableMiB what the node reports available now
 * @param marginMiB the safety margin
 * @param reserveMiB the administrator's reserve
 * @param guestsMayTakeMiB what the nested-pve guests may still take ({@link RoomGuest#mayStillTakeMiB()})
 * @param heldMiB what admitted tickets hold beyond their guests that exist
 * @param guestsMaxMiB the configured memory of the nested-pve guests together (at most what they give back when
 *     they are gone)
 * @param cpus the node's logical CPUs
 * @param guests the nested-pve guests on the node
 */
public record HostRoom(
        String node,
        long totalMiB,
        long availableMiB,
        long marginMiB,
        long reserveMiB,
        long guestsMayTakeMiB,
        long heldMiB,
        long guestsMaxMiB,
        int cpus,
        List<RoomGuest> guests) {
    public HostRoom {
        guests = List.copyOf(guests);
    }

    /** What a new cluster may take now (negative when the host is over its bound). */
    public long freeMiB() {
        return availableMiB - marginMiB - reserveMiB - guestsMayTakeMiB - heldMiB;
    }

    /**
     * The most room there can be once every nested-pve cluster is gone: a cluster needing more never fits. An
     * upper bound (a guest's configured memory is more than it gives back when it was not using it all, and
     * {@code /cluster/resources} lags behind the node's own status, so its {@code mem} is not used here).
     */
    public long ceilingMiB() {
        return Math.min(totalMiB, availableMiB + guestsMaxMiB) - marginMiB - reserveMiB;
    }

    public boolean fits(long needMiB) {
        return needMiB <= freeMiB();
    }

    /** One line, e.g. {@code 6.0 GiB free of 32.0 GiB (reserve 2.0 GiB, margin 3.2 GiB, ...)}. */
    public String describe() {
        return gib(Math.max(0, freeMiB())) + " free of " + gib(totalMiB) + " (available " + gib(availableMiB)
                + ", reserve " + gib(reserveMiB) + ", margin " + gib(marginMiB) + ", nested-pve guests may still take "
                + gib(guestsMayTakeMiB) + ", admitted clusters hold " + gib(heldMiB) + ")";
    }

    /** {@code 12 GiB} / {@code 1.5 GiB}. */
    public static String gib(long mib) {
        double g = mib / 1024.0;
        return g == Math.rint(g)
                ? String.format(Locale.ROOT, "%d GiB", (long) g)
                : String.format(Locale.ROOT, "%.1f GiB", g);
    }
}
