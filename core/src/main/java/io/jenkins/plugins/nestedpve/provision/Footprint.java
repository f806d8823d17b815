package io.jenkins.plugins.nestedpve.provision;

import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.Upid;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What one provisioning has opened and created so far, for whoever cleans up after it: the host
 * client, the VMIDs claimed, whether cloning began, the last sighting of each guest and every open
 * session. The phases only add to it; they hand their results to each other as phase records,
 * never through here. Thread-safe: the guests' threads write, the orchestrator reads after they
 * ended.
 */
final class Footprint {
    private volatile PveClient host;
    private volatile String hostNode;
    private volatile boolean clonesStarted;
    private volatile AutoCloseable room;
    private final Set<Integer> claims = ConcurrentHashMap.newKeySet();
    private final Map<String, GuestSighting> guests = new ConcurrentHashMap<>();
    private final Queue<AutoCloseable> open = new ConcurrentLinkedQueue<>();

    /**
     * The last thing seen of one guest.
     *
     * @param index 1-based position in the spec's node list
     * @param vmid null until a clone of it exists
     * @param address null until known
     * @param lastTask the last task started for it on the host, or null
     */
    record GuestSighting(int index, String name, Integer vmid, String address, Upid lastTask) {}

    void hostOpened(PveClient client) {
        this.host = client;
    }

    void hostNode(String templateNode) {
        this.hostNode = templateNode;
    }

    /** The host client, or null when it was never opened (then nothing was created). */
    PveClient host() {
        return host;
    }

    /** The node the clones are made on, or null before validation found it. */
    String hostNode() {
        return hostNode;
    }

    void clonesStarted() {
        clonesStarted = true;
    }

    /** Whether cloning may have begun (cleanup then also sweeps the host for the lease's marker). */
    boolean cloning() {
        return clonesStarted;
    }

    /** VMIDs this provisioning claimed in the engine's template locks; released when it ends. */
    Set<Integer> claims() {
        return claims;
    }

    void vmid(int index, String name, Integer vmid) {
        guests.compute(
                name,
                (k, g) -> g == null
                        ? new GuestSighting(index, name, vmid, null, null)
                        : new GuestSighting(index, name, vmid, g.address(), g.lastTask()));
    }

    void task(int index, String name, Upid task) {
        guests.compute(
                name,
                (k, g) -> g == null
                        ? new GuestSighting(index, name, null, null, task)
                        : new GuestSighting(index, name, g.vmid(), g.address(), task));
    }

    void address(int index, String name, String address) {
        guests.compute(
                name,
                (k, g) -> g == null
                        ? new GuestSighting(index, name, null, address, null)
                        : new GuestSighting(index, name, g.vmid(), address, g.lastTask()));
    }

    /** Every guest seen, in the spec's node order. */
    List<GuestSighting> guests() {
        return guests.values().stream()
                .sorted((a, b) -> Integer.compare(a.index(), b.index()))
                .toList();
    }

    /** Remembers a session or client to close when the provisioning ends. */
    <T extends AutoCloseable> T opened(T resource) {
        open.add(resource);
        return resource;
    }

    /** Closes every guest session and client (sessions to machines that are done or about to go). */
    void closeGuests() {
        AutoCloseable c;
        while ((c = open.poll()) != null) {
            try {
                c.close();
            } catch (Exception e) {
                // closing a session to a guest that is gone or done: nothing to report
            }
        }
    }

    /** The cluster's room on the host, given back when the provisioning ends ({@link #closeHost()}). */
    void roomHeld(AutoCloseable admission) {
        this.room = admission;
    }

    void closeHost() {
        AutoCloseable r = room;
        room = null;
        if (r != null) {
            try {
                r.close();
            } catch (Exception e) {
                // the ticket runs out on its own (its hold ends with timeouts.overall)
            }
        }
        PveClient h = host;
        if (h != null) {
            h.close();
        }
    }
}
