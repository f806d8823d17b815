package io.jenkins.plugins.nestedpve.sim.model;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.LongSupplier;

/**
 * Accounts the latency the simulator injects, to tell how long a run would take on real hardware.
 *
 * <p>While at least one injected latency is pending (a task's scaled duration, a guest booting, a
 * simulated {@code sleep}), the simulated world runs {@code 1/scale} times faster than real time;
 * while none is, the run is doing real work (TLS, SSH, the JVM, the simulator's own CPU), which
 * takes about as long on real hardware. {@link #clock()} is that simulated time: it advances by
 * {@code 1/scale} of each real nanosecond with a latency pending and by one otherwise. Dividing all
 * of wall time by the scale instead would also inflate the local work. Thread-safe.
 */
public final class InjectedLatency {
    private final double scale;
    private final LongSupplier nanoTime;
    private final long origin;
    private int pending;
    private long since;
    private long covered;

    /**
     * @param scale the latency scale (realistic × scale = real)
     * @param nanoTime a monotonic nanosecond source ({@code System::nanoTime}; tests inject one)
     */
    public InjectedLatency(double scale, LongSupplier nanoTime) {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("latency scale must be positive, got " + scale);
        }
        this.scale = scale;
        this.nanoTime = nanoTime;
        this.origin = nanoTime.getAsLong();
    }

    /** An injected latency begins; each call is matched by one {@link #end()}. */
    public synchronized void begin() {
        if (pending++ == 0) {
            since = nanoTime.getAsLong();
        }
    }

    /** An injected latency is over. */
    public synchronized void end() {
        if (pending == 0) {
            return;
        }
        if (--pending == 0) {
            covered += nanoTime.getAsLong() - since;
        }
    }

    /** Real time since creation during which some injected latency was pending. */
    public synchronized Duration covered() {
        return Duration.ofNanos(coveredAt(nanoTime.getAsLong()));
    }

    private long coveredAt(long now) {
        return covered + (pending > 0 ? now - since : 0);
    }

    /** Simulated time since creation: real time with the covered part stretched by {@code 1/scale}. */
    public synchronized Duration simulatedElapsed() {
        long now = nanoTime.getAsLong();
        long c = coveredAt(now);
        return Duration.ofNanos((now - origin - c) + Math.round(c / scale));
    }

    /** A clock showing {@link #simulatedElapsed()} after {@code start}. */
    public Clock clock(Instant start) {
        return new SimulatedClock(this, start, ZoneId.of("UTC"));
    }

    private static final class SimulatedClock extends Clock {
        private final InjectedLatency latency;
        private final Instant start;
        private final ZoneId zone;

        SimulatedClock(InjectedLatency latency, Instant start, ZoneId zone) {
            this.latency = latency;
            this.start = start;
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            return start.plus(latency.simulatedElapsed());
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
            return new SimulatedClock(latency, start, z);
        }
    }
}
