package io.jenkins.plugins.nestedpve.sim;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How long simulated operations take. Every duration is a realistic value (what a lab host shows)
 * multiplied by one {@link #scale()} factor, so tests run minutes of PVE in milliseconds while
 * keeping the ratios (e.g. a clone that outlasts a lock timeout still does). Immutable.
 */
public final class LatencyProfile {
    /** The timed steps of the simulation, with their realistic defaults. */
    public enum Step {
        /** Linked clone of a template disk (LVM-thin snapshot), whole task. */
        LINKED_CLONE(Duration.ofSeconds(3)),
        /** Full clone (disk copy), whole task. */
        FULL_CLONE(Duration.ofSeconds(60)),
        /** Part of a clone that holds the storage lock (volume allocation / snapshot). */
        STORAGE_ALLOC(Duration.ofMillis(800)),
        /**
         * Part of a destroy that holds the storage lock, per volume removed (pve-storage vdisk_free:
         * free_image lists the volume group and runs lvremove under the lock).
         */
        STORAGE_FREE(Duration.ofMillis(200)),
        /** Creating a VM. */
        CREATE(Duration.ofSeconds(2)),
        /** A config change (PUT/POST config, convert to template). */
        CONFIG(Duration.ofMillis(100)),
        /** qmstart until the VM runs. */
        START(Duration.ofSeconds(2)),
        /** From a running VM to a booted guest OS (agent answers, services up). */
        GUEST_BOOT(Duration.ofSeconds(40)),
        /** From a booted guest OS to sshd accepting connections. */
        SSH_UP(Duration.ofSeconds(1)),
        /** qmstop. */
        STOP(Duration.ofSeconds(3)),
        /** qmshutdown (ACPI or agent). */
        SHUTDOWN(Duration.ofSeconds(10)),
        /** qmreboot and a guest OS reboot, until the guest is back. */
        REBOOT(Duration.ofSeconds(45)),
        /** qmdestroy, whole task (its volume frees, {@link #STORAGE_FREE} each, included). */
        DESTROY(Duration.ofSeconds(2)),
        /** clustercreate. */
        CLUSTER_CREATE(Duration.ofSeconds(5)),
        /** clusterjoin, whole task. */
        CLUSTER_JOIN(Duration.ofSeconds(20)),
        /** How long the joining node's API is away while pveproxy restarts. */
        API_DROP(Duration.ofSeconds(3)),
        /** A PVE service restart (pveproxy, pvedaemon, pve-cluster). */
        SERVICE_RESTART(Duration.ofSeconds(2)),
        /** Delay of a 401 answer (pve-facts §1.3). */
        AUTH_FAILURE_DELAY(Duration.ofSeconds(3)),
        /** The short flock wait of create and clone (pve-facts §3.4). */
        LOCK_WAIT_SHORT(Duration.ofSeconds(1)),
        /** The default flock and cfs-lock wait (pve-facts §3.11, §5.1). */
        LOCK_WAIT_DEFAULT(Duration.ofSeconds(10)),
        /** pvestatd broadcast period: /cluster/resources lags this long (pve-facts §3.3). */
        STATS_LAG(Duration.ofSeconds(10)),
        /** The guest agent ping timeout. */
        AGENT_TIMEOUT(Duration.ofSeconds(3)),
        /** {@code apt-get update}, whole run. */
        APT_UPDATE(Duration.ofSeconds(6)),
        /** {@code apt-get dist-upgrade} within a major release (8.3 to 8.4, 8.4.x to 8.4.y), whole run. */
        MINOR_UPGRADE(Duration.ofSeconds(90)),
        /** {@code apt-get dist-upgrade} from 8.4 to 9.x (download, unpack, configure), whole run. */
        MAJOR_UPGRADE(Duration.ofMinutes(8)),
        /** One migration of a VM or container between nodes (RAM and local disks copied), whole task. */
        MIGRATE(Duration.ofSeconds(40)),
        /** Creating a container from a template (archive extracted). */
        CT_CREATE(Duration.ofSeconds(8)),
        /** Starting or stopping a container. */
        CT_POWER(Duration.ofSeconds(2));

        private final Duration realistic;

        Step(Duration realistic) {
            this.realistic = realistic;
        }

        /** The unscaled default. */
        public Duration realistic() {
            return realistic;
        }
    }

    private final double scale;
    private final Map<Step, Duration> overrides;

    private LatencyProfile(double scale, Map<Step, Duration> overrides) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("latency scale must be a positive number, got " + scale);
        }
        this.scale = scale;
        this.overrides = overrides;
    }

    /** Real-world durations (scale 1). */
    public static LatencyProfile realistic() {
        return new LatencyProfile(1.0, new EnumMap<>(Step.class));
    }

    /** Realistic durations multiplied by {@code scale} (e.g. 0.001 in tests, 0.01 for a demo). */
    public static LatencyProfile scaled(double scale) {
        return new LatencyProfile(scale, new EnumMap<>(Step.class));
    }

    /** A copy with another scale factor. */
    public LatencyProfile withScale(double newScale) {
        return new LatencyProfile(newScale, copy());
    }

    /** A copy where {@code step} takes {@code realistic} (before scaling). */
    public LatencyProfile with(Step step, Duration realistic) {
        Objects.requireNonNull(realistic, "realistic");
        Map<Step, Duration> m = copy();
        m.put(step, realistic);
        return new LatencyProfile(scale, m);
    }

    public double scale() {
        return scale;
    }

    /** The unscaled duration of {@code step}. */
    public Duration realistic(Step step) {
        return overrides.getOrDefault(step, step.realistic());
    }

    /** The duration of {@code step} in real time: realistic × scale. */
    public Duration of(Step step) {
        return scale(realistic(step));
    }

    /** Any realistic duration in real time. */
    public Duration scale(Duration realistic) {
        return Duration.ofNanos(Math.round(realistic.toNanos() * scale));
    }

    private Map<Step, Duration> copy() {
        Map<Step, Duration> m = new EnumMap<>(Step.class);
        m.putAll(overrides);
        return m;
    }

    @Override
    public String toString() {
        return "LatencyProfile[scale=" + scale + ", overrides=" + overrides + "]";
    }
}
