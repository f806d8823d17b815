package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.capacity.HostRoom;
import io.jenkins.plugins.nestedpve.capacity.RoomTicket;
import io.jenkins.plugins.nestedpve.capacity.Rooms;
import io.jenkins.plugins.nestedpve.cluster.HostCredentials;
import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.engine.NestedPveEngine;
import io.jenkins.plugins.nestedpve.events.Durations;
import io.jenkins.plugins.nestedpve.events.Level;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import io.jenkins.plugins.nestedpve.lifecycle.EngineContext;
import io.jenkins.plugins.nestedpve.sim.Simulator;
import io.jenkins.plugins.nestedpve.sim.TemplateSpec;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code nestedpve demo --clusters N --room R}: N clusters requested at once on a simulated host sized for R of
 * them. Each cluster waits in the host's line, is provisioned when its room is free and torn down at once,
 * giving the room to the next; every room line is printed with the cluster's name, then a summary of who
 * waited how long and what is left.
 */
final class DemoQueueRun {
    /** Memory PVE itself uses on the simulated host. */
    private static final long BASE_MIB = 2048;

    private final CliContext ctx;
    private final DemoRun.Options options;
    private final int clusters;
    private final int room;
    private final PrintStream out;
    /** Counted down by each cluster's first room line: no cluster gives its room back before all have asked. */
    private final CountDownLatch allAsked;

    DemoQueueRun(CliContext ctx, DemoRun.Options options, int clusters, int room, PrintStream out) {
        this.ctx = ctx;
        this.options = options;
        this.clusters = clusters;
        this.room = room;
        this.out = out;
        this.allAsked = new CountDownLatch(clusters);
    }

    /** One cluster's run: when it asked, started waiting, got its room, was ready, and how it ended. */
    private static final class Entry {
        final String name;
        final Instant asked;
        volatile Instant admitted;
        volatile boolean waited;
        volatile Duration ready;
        volatile String error;
        final AtomicBoolean counted = new AtomicBoolean();

        Entry(String name, Instant asked) {
            this.name = name;
            this.asked = asked;
        }
    }

    /** @return the exit code: 0 when every cluster was delivered and nothing is left */
    int run() throws InterruptedException {
        long needMiB = (long) options.nodes() * DemoSetup.MEMORY_MIB;
        int hostGiB = hostGiB(needMiB, room);
        out.println("nestedpve demo: " + clusters + " clusters of " + options.nodes() + " × "
                + DemoSetup.MEMORY_MIB + " MiB (" + HostRoom.gib(needMiB) + " each) at once on a simulated host of "
                + hostGiB + " GiB, room for " + room);
        Simulator.Builder b = Simulator.builder()
                .latencyScale(options.latencyScale())
                .faults(options.faults().plan())
                .hostMemoryGiB(hostGiB)
                .template(TemplateSpec.pve84());
        try (Simulator sim = b.start()) {
            List<Entry> entries = provisionAll(sim);
            List<Leftovers.Leftover> left = Leftovers.find(sim);
            long tickets = sim.host().pmxcfs().users().poolComments().keySet().stream()
                    .filter(p -> p.startsWith(RoomTicket.PREFIX))
                    .count();
            return summary(entries, left, tickets);
        }
    }

    /** The smallest host (GiB) with room for {@code room} clusters and not for one more. */
    static int hostGiB(long needMiB, int room) {
        for (int gib = 4; gib < 4096; gib++) {
            long total = gib * 1024L;
            long free = total - BASE_MIB - Math.max(1024, total / 10);
            if (free >= room * needMiB + needMiB / 4) {
                return free < (room + 1) * needMiB ? gib : gib - 1;
            }
        }
        throw new CliException(ExitCodes.USAGE, "--room " + room + " needs a host larger than 4 TiB");
    }

    private List<Entry> provisionAll(Simulator sim) throws InterruptedException {
        UUID installation = UUID.randomUUID();
        HostCredentials host = DemoSetup.hostCredentials(sim);
        EngineContext base = DemoSetup.engineContext(installation, ctx.clock(), options.latencyScale());
        Rooms rooms =
                new Rooms(new Rooms.Settings(Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(30)));
        NestedPveEngine engine = new NestedPveEngine(EngineContext.builder(installation)
                .clock(base.clock())
                .poll(base.poll())
                .pveClients(base.pveClients())
                .ssh(base.ssh())
                .rooms(rooms)
                .build());
        List<Entry> entries = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clusters; i++) {
            ClusterSpec spec = DemoSetup.spec(
                            sim, options.nodes(), options.latencyScale(), installation, SpecFiles.defaultOwner(ctx))
                    .toBuilder()
                    .smokeCheck(false)
                    .build();
            Entry e = new Entry(spec.clusterName(), ctx.clock().instant());
            entries.add(e);
            Thread t = new Thread(() -> lifecycle(engine, spec, host, e), "demo-" + spec.clusterName());
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        return entries;
    }

    private void lifecycle(NestedPveEngine engine, ClusterSpec spec, HostCredentials host, Entry e) {
        ProgressListener lines = new ProgressListener() {
            @Override
            public void message(Level level, String text) {
                if (text.startsWith("waiting for room")) {
                    e.waited = true;
                    askedOnce(e);
                    say(e.name, text);
                } else if (text.startsWith("room on ")) {
                    e.admitted = ctx.clock().instant();
                    askedOnce(e);
                    say(e.name, text);
                }
            }
        };
        try {
            NestedCluster c = engine.provision(spec, host, null, lines);
            e.ready = Duration.between(e.asked, ctx.clock().instant());
            say(
                    e.name,
                    "ready after " + Durations.human(e.ready) + ": " + c.nodes().size() + " node(s)");
            if (!allAsked.await(10, TimeUnit.MINUTES)) {
                say(e.name, "not every cluster asked for room within 10 minutes");
            }
            say(e.name, "tearing it down: its room goes to the next in line");
            say(e.name, engine.teardown(c, host, ProgressListener.NOOP).summary());
        } catch (RuntimeException x) {
            e.error = x.getMessage();
            say(e.name, "FAILED: " + x.getMessage());
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
            e.error = "interrupted";
        } finally {
            askedOnce(e); // a cluster that failed before asking holds nobody up
        }
    }

    private void askedOnce(Entry e) {
        if (e.counted.compareAndSet(false, true)) {
            allAsked.countDown();
        }
    }

    private void say(String cluster, String text) {
        synchronized (out) {
            out.printf(Locale.ROOT, "[%s] %s%n", cluster, text);
            out.flush();
        }
    }

    private int summary(List<Entry> entries, List<Leftovers.Leftover> left, long tickets) {
        out.println();
        out.println("summary:");
        int delivered = 0;
        int waited = 0;
        for (Entry e : entries) {
            Duration wait = e.admitted == null ? Duration.ZERO : Duration.between(e.asked, e.admitted);
            delivered += e.error == null ? 1 : 0;
            waited += e.waited ? 1 : 0;
            out.printf(
                    Locale.ROOT,
                    "  %-12s %-22s %s%n",
                    e.name,
                    e.waited ? "room after " + Durations.human(wait) : "room at once",
                    e.error == null ? "delivered, ready after " + Durations.human(e.ready) : "FAILED: " + e.error);
        }
        out.println(delivered + " of " + entries.size() + " clusters delivered, " + waited
                + " after waiting for room; room for " + room + " at a time");
        if (left.isEmpty() && tickets == 0) {
            out.println("simulator inspection: nothing of ours is left (no guest, no ticket in the line)");
        } else {
            left.forEach(l -> out.println("LEFTOVER " + l));
            out.println(tickets == 0 ? "" : "LEFTOVER " + tickets + " ticket(s) in the host's line");
        }
        return delivered == entries.size() && left.isEmpty() && tickets == 0
                ? ExitCodes.OK
                : delivered < entries.size() ? ExitCodes.PROVISIONING_FAILED : ExitCodes.LEFTOVERS;
    }
}
