package io.jenkins.plugins.nestedpve.upgrade;

import io.jenkins.plugins.nestedpve.NestedPveException;
import io.jenkins.plugins.nestedpve.pve.VmResource;
import io.jenkins.plugins.nestedpve.wait.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;

/**
 * Watches the workload guests through the trial: every {@code interval} it looks up where each guest
 * is ({@code /cluster/resources}: the node follows the config file, pve-facts §11.5) and asks that
 * node for its status. An outage runs from the first look that found the guest not running (or its
 * node down for a reboot) to the next look that found it running. A look that could not be made
 * (the API unreachable) counts neither way.
 */
final class GuestWatcher implements AutoCloseable {
    /** One guest's bookkeeping. */
    private static final class Watch {
        final WorkloadGuest guest;
        String node;
        Instant downSince;
        Duration total = Duration.ZERO;
        Duration longest = Duration.ZERO;
        boolean running = true;

        Watch(WorkloadGuest guest) {
            this.guest = guest;
            this.node = guest.homeNode();
        }
    }

    private final Nodes nodes;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration interval;
    private final Map<Integer, Watch> watches = new LinkedHashMap<>();
    private final Thread thread;
    private volatile boolean stopped;

    GuestWatcher(
            Nodes nodes,
            List<WorkloadGuest> guests,
            Clock clock,
            Sleeper sleeper,
            Duration interval,
            ThreadFactory threads) {
        this.nodes = nodes;
        this.clock = clock;
        this.sleeper = sleeper;
        this.interval = interval;
        guests.forEach(g -> watches.put(g.vmid(), new Watch(g)));
        this.thread = threads.newThread(this::loop);
    }

    /** Starts the background looks; without an interval only the step boundaries look. */
    void start() {
        if (interval != null) {
            thread.start();
        }
    }

    private void loop() {
        while (!stopped) {
            sample();
            try {
                sleeper.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One look at every guest. */
    synchronized void sample() {
        Map<Integer, String> where = new HashMap<>();
        try {
            nodes.api().guests().forEach((VmResource r) -> where.put(r.vmid(), r.node()));
        } catch (NestedPveException e) {
            return;
        }
        for (Watch w : watches.values()) {
            w.node = where.getOrDefault(w.guest.vmid(), w.node);
            Boolean running = running(w);
            if (running != null) {
                record(w, running, clock.instant());
            }
        }
    }

    private Boolean running(Watch w) {
        if (nodes.isDown(w.node)) {
            return false;
        }
        try {
            return "running".equals(nodes.api().status(w.guest.type(), w.node, w.guest.vmid()));
        } catch (NestedPveException e) {
            return null;
        }
    }

    private static void record(Watch w, boolean running, Instant now) {
        if (running && w.downSince != null) {
            Duration outage = Duration.between(w.downSince, now);
            w.total = w.total.plus(outage);
            w.longest = outage.compareTo(w.longest) > 0 ? outage : w.longest;
            w.downSince = null;
        } else if (!running && w.downSince == null) {
            w.downSince = now;
        }
        w.running = running;
    }

    /** Stops watching after one last look; the guests' downtimes with {@code limit}. */
    List<GuestDowntime> finish(Duration limit) throws InterruptedException {
        close();
        sample();
        synchronized (this) {
            Instant now = clock.instant();
            List<GuestDowntime> out = new ArrayList<>();
            for (Watch w : watches.values()) {
                if (w.downSince != null) {
                    Duration outage = Duration.between(w.downSince, now);
                    w.total = w.total.plus(outage);
                    w.longest = outage.compareTo(w.longest) > 0 ? outage : w.longest;
                    w.downSince = null;
                }
                out.add(new GuestDowntime(
                        w.guest.vmid(),
                        w.guest.type(),
                        w.guest.homeNode(),
                        w.node,
                        w.total,
                        w.longest,
                        w.running,
                        limit));
            }
            return out;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        if (thread.isAlive()) {
            thread.interrupt();
            thread.join();
        }
    }
}
