package io.jenkins.plugins.nestedpve.events;

import java.io.Serializable;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How long each phase took, per node: {@code phase → node → duration}. Cluster-wide phases use the
 * key {@link #CLUSTER} (node names always end with a digit, so they never collide with it).
 * Iteration follows {@link Phase} order, then the order nodes were added. Immutable.
 *
 * @param byPhase the durations; copied
 */
public record PhaseTimings(Map<Phase, Map<String, Duration>> byPhase) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Key for cluster-wide phases (VALIDATE, PREFLIGHT, QUORUM, ...). */
    public static final String CLUSTER = "cluster";

    public PhaseTimings {
        Objects.requireNonNull(byPhase, "byPhase");
        Map<Phase, Map<String, Duration>> sorted = new EnumMap<>(Phase.class);
        byPhase.forEach((phase, nodes) -> sorted.put(phase, Collections.unmodifiableMap(new LinkedHashMap<>(nodes))));
        byPhase = Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
    }

    /** No timings. */
    public static PhaseTimings empty() {
        return new PhaseTimings(Map.of());
    }

    /** A copy with {@code duration} added to {@code phase}/{@code node} (null node: cluster-wide). */
    public PhaseTimings plus(Phase phase, String node, Duration duration) {
        Map<Phase, Map<String, Duration>> copy = new LinkedHashMap<>();
        byPhase.forEach((p, m) -> copy.put(p, new LinkedHashMap<>(m)));
        copy.computeIfAbsent(phase, p -> new LinkedHashMap<>())
                .merge(node == null ? CLUSTER : node, duration, Duration::plus);
        return new PhaseTimings(copy);
    }

    /** The duration of {@code phase} for {@code node} (null: cluster-wide), if recorded. */
    public Optional<Duration> get(Phase phase, String node) {
        return Optional.ofNullable(byPhase.getOrDefault(phase, Map.of()).get(node == null ? CLUSTER : node));
    }

    /** Every node key that appears, in phase order then insertion order ({@link #CLUSTER} included when present). */
    public Set<String> nodes() {
        Set<String> nodes = new LinkedHashSet<>();
        byPhase.values().forEach(m -> nodes.addAll(m.keySet()));
        return Collections.unmodifiableSet(nodes);
    }
}
