package io.jenkins.plugins.nestedpve.lifecycle;

import io.jenkins.plugins.nestedpve.capacity.Rooms;
import io.jenkins.plugins.nestedpve.cluster.MarkerKey;
import io.jenkins.plugins.nestedpve.ledger.InMemoryLedger;
import io.jenkins.plugins.nestedpve.ledger.Ledger;
import io.jenkins.plugins.nestedpve.ssh.SshConnector;
import io.jenkins.plugins.nestedpve.ssh.SshTimeouts;
import io.jenkins.plugins.nestedpve.wait.Backoff;
import io.jenkins.plugins.nestedpve.wait.Sleeper;
import io.jenkins.plugins.nestedpve.wait.Waiter;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Everything a {@code engine.NestedPveEngine} works with, injected: time, threads, the ledger, how to reach
 * PVE and SSH, and the installation whose ownership markers it writes and honours. Build it with
 * {@link #builder(UUID)}.
 *
 * @param clock measures every deadline and timestamp
 * @param sleeper every wait of the engine itself (polling the guest agent, quorum, SSH retries)
 * @param threads creates the provisioning threads (one per provisioning, one per guest while the
 *     guests are built in parallel, and short-lived helpers)
 * @param ledger records every VM the moment its clone call returns
 * @param pveClients opens API clients for the host and the guests
 * @param ssh opens SSH sessions to the host and the guests
 * @param installationId this installation's UUID: the markers it writes, the only VMs it destroys
 * @param poll the backoff of the engine's own polling (agent address, API back after a restart,
 *     quorum)
 * @param markerKey signs the ownership markers; only VMs whose marker it verifies are destroyed, so
 *     it must be the installation's stored key (a new key disowns every VM created before)
 * @param replacements how many guests of one provisioning that fail to clone, boot, report an address,
 *     accept SSH or take their identity may be destroyed and cloned afresh (default {@value
 *     #DEFAULT_REPLACEMENTS}; 0 fails at the first such failure)
 * @param rooms how provisionings wait for room on a host, and the engine's own lines for tokens that may not
 *     keep the line on the host
 */
public record EngineContext(
        Clock clock,
        Sleeper sleeper,
        ThreadFactory threads,
        Ledger ledger,
        PveClientFactory pveClients,
        SshConnector ssh,
        UUID installationId,
        Backoff poll,
        MarkerKey markerKey,
        int replacements,
        Rooms rooms) {
    /** Guests one provisioning may replace unless configured. */
    public static final int DEFAULT_REPLACEMENTS = 2;

    /**
     * Polling of the engine's own waits: 100 ms growing by a tenth up to 500 ms (a poll interval
     * adds on average half of itself to every boot, restart and join waited for,
     * docs/benchmarks.md).
     */
    public static final Backoff DEFAULT_POLL = new Backoff(Duration.ofMillis(100), 1.1, Duration.ofMillis(500));

    public EngineContext {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(threads, "threads");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(pveClients, "pveClients");
        Objects.requireNonNull(ssh, "ssh");
        Objects.requireNonNull(installationId, "installationId");
        Objects.requireNonNull(poll, "poll");
        Objects.requireNonNull(markerKey, "markerKey");
        if (replacements < 0) {
            throw new IllegalArgumentException("replacements must be at least 0, got " + replacements);
        }
        Objects.requireNonNull(rooms, "rooms");
    }

    /** A context with the default {@link Rooms}. */
    public EngineContext(
            Clock clock,
            Sleeper sleeper,
            ThreadFactory threads,
            Ledger ledger,
            PveClientFactory pveClients,
            SshConnector ssh,
            UUID installationId,
            Backoff poll,
            MarkerKey markerKey,
            int replacements) {
        this(
                clock,
                sleeper,
                threads,
                ledger,
                pveClients,
                ssh,
                installationId,
                poll,
                markerKey,
                replacements,
                Rooms.defaults());
    }

    /** This context with another replacement budget (e.g. the spec's). */
    public EngineContext withReplacements(int budget) {
        return budget == replacements
                ? this
                : new EngineContext(
                        clock, sleeper, threads, ledger, pveClients, ssh, installationId, poll, markerKey, budget);
    }

    /** A waiter on this context's clock and sleeper. */
    public Waiter waiter() {
        return new Waiter(clock, sleeper);
    }

    /** A builder with system time, daemon threads, an in-memory ledger and standard clients. */
    public static Builder builder(UUID installationId) {
        return new Builder(installationId);
    }

    /** Collects the context; every setter is optional except the installation id. */
    public static final class Builder {
        private final UUID installationId;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private ThreadFactory threads;
        private Ledger ledger;
        private PveClientFactory pveClients;
        private SshConnector ssh;
        private Backoff poll = DEFAULT_POLL;
        private MarkerKey markerKey;
        private int replacements = DEFAULT_REPLACEMENTS;
        private Rooms rooms;

        private Builder(UUID installationId) {
            this.installationId = Objects.requireNonNull(installationId, "installationId");
        }

        public Builder clock(Clock v) {
            clock = v;
            return this;
        }

        public Builder sleeper(Sleeper v) {
            sleeper = v;
            return this;
        }

        public Builder threads(ThreadFactory v) {
            threads = v;
            return this;
        }

        public Builder ledger(Ledger v) {
            ledger = v;
            return this;
        }

        /** Default: {@link PveClientFactory#standard(Clock, Sleeper)} with this builder's clock and sleeper. */
        public Builder pveClients(PveClientFactory v) {
            pveClients = v;
            return this;
        }

        /** Default: a connector with {@link SshTimeouts#DEFAULTS} and this builder's clock and sleeper. */
        public Builder ssh(SshConnector v) {
            ssh = v;
            return this;
        }

        public Builder poll(Backoff v) {
            poll = v;
            return this;
        }

        /**
         * The installation's stored marker key. Default: a new random key, which verifies only
         * the markers this context writes (tests, one-off runs).
         */
        public Builder markerKey(MarkerKey v) {
            markerKey = v;
            return this;
        }

        /** How many failed guests one provisioning may replace; 0 fails at the first one. */
        public Builder replacements(int v) {
            replacements = v;
            return this;
        }

        /** How provisionings wait for room (default {@link Rooms#DEFAULTS}). */
        public Builder rooms(Rooms v) {
            rooms = v;
            return this;
        }

        public EngineContext build() {
            return new EngineContext(
                    clock,
                    sleeper,
                    threads != null ? threads : daemonThreads(),
                    ledger != null ? ledger : new InMemoryLedger(),
                    pveClients != null ? pveClients : PveClientFactory.standard(clock, sleeper),
                    ssh != null ? ssh : new SshConnector(SshTimeouts.DEFAULTS, clock, sleeper),
                    installationId,
                    poll,
                    markerKey != null ? markerKey : MarkerKey.generate(),
                    replacements,
                    rooms != null ? rooms : Rooms.defaults());
        }
    }

    /** Daemon threads named {@code nested-pve-<n>}: a stuck provisioning never keeps a JVM alive. */
    static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "nested-pve-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
