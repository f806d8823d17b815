package io.jenkins.plugins.nestedpve.sim;

import io.jenkins.plugins.nestedpve.sim.ssh.SshImpostor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Seeded, deterministic fault injection. A random fault is decided by a hash of (seed, kind, a
 * stable key such as the vmid, the per-key attempt number), never by the call order of a shared
 * random generator, so the same seed gives the same faults however threads interleave. Tests can
 * also target single faults ({@link #failNextTask}, {@link #guestNeverBoots}, ...). Thread-safe.
 */
public final class FaultPlan {
    /**
     * What can go wrong. A transient fault goes away when the same thing is asked again (a 503 while
     * pveproxy restarts, a dropped SSH connection, a lock held a moment too long, an agent that answers
     * late); a permanent one does not (a failed task, a guest that never boots): only doing it
     * differently helps, e.g. a new clone.
     */
    public enum Kind {
        /** A transient 5xx answer of the API (before the handler runs). */
        API_5XX(true),
        /** A clone task that cannot get the new VM's lock. */
        CLONE_LOCK_TIMEOUT(true),
        /** A task that ends with an error. */
        TASK_FAILURE(false),
        /** An SSH session dropped by the server. */
        SSH_DROP(true),
        /** A guest whose QEMU agent answers only a boot time later than its OS. */
        AGENT_LATE(true),
        /** A guest whose QEMU agent never answers. */
        AGENT_NEVER_UP(false),
        /** A guest whose OS never comes up (no agent, no SSH, no API). */
        GUEST_NEVER_BOOTS(false);

        private final boolean transientFault;

        Kind(boolean transientFault) {
            this.transientFault = transientFault;
        }

        /** Whether asking again can succeed (otherwise only a different attempt, such as a new clone, helps). */
        public boolean isTransient() {
            return transientFault;
        }
    }

    /** A transient API failure: status and message (first line = reason phrase). */
    public record ApiFault(int status, String message) {
        /** Whether the connection is closed without any answer instead. */
        public boolean dropsConnection() {
            return status == DROP_CONNECTION;
        }
    }

    /** The status for {@link #failApiCall} that closes the connection without answering. */
    public static final int DROP_CONNECTION = 0;

    /** A one-shot fault for the first request matching method and path. */
    private record TargetedApiFault(String method, Pattern path, ApiFault fault, boolean afterHandler) {
        boolean matches(String m, String p, boolean after) {
            return after == afterHandler
                    && method.equalsIgnoreCase(m)
                    && path.matcher(p).find();
        }
    }

    private final long seed;
    private final Map<Kind, Double> rates;
    private final Map<String, Double> taskRates;
    private final Map<String, AtomicLong> attempts = new ConcurrentHashMap<>();
    private final Map<String, Deque<String>> nextTaskFailures = new HashMap<>();
    private final Set<Integer> neverBoots = new HashSet<>();
    private final Set<Integer> agentNeverUp = new HashSet<>();
    private final Deque<ApiFault> nextApiFaults = new ArrayDeque<>();
    private final Set<Integer> nextCloneLockTimeouts = new HashSet<>();
    private final Map<Integer, Duration> cloneStartDelays = new HashMap<>();
    private final List<TargetedApiFault> targetedApiFaults = new ArrayList<>();
    private final Map<Integer, SshImpostor> impostors = new HashMap<>();
    private int sshDropsPending;
    private int joinStallsPending;
    private final UpgradeFaults upgrade = new UpgradeFaults();

    private FaultPlan(Builder b) {
        this.seed = b.seed;
        this.rates = new EnumMap<>(b.rates);
        this.taskRates = Map.copyOf(b.taskRates);
    }

    /** No random faults (targeted ones can still be added). */
    public static FaultPlan none() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public long seed() {
        return seed;
    }

    // ---- targeted faults -------------------------------------------------------------------

    /** Targeted faults of upgrade trials (checker lines, dpkg errors, unreachable repositories, reboots). */
    public UpgradeFaults upgrade() {
        return upgrade;
    }

    /** The next task of {@code type} (e.g. {@code qmclone}) fails with a generic error. */
    public FaultPlan failNextTask(String type) {
        return failNextTask(type, "simulated failure of " + type);
    }

    /** The next task of {@code type} fails with {@code message}. */
    public synchronized FaultPlan failNextTask(String type, String message) {
        nextTaskFailures.computeIfAbsent(type, t -> new ArrayDeque<>()).add(message);
        return this;
    }

    /** The guest OS of VM {@code vmid} never boots: no agent, no SSH, no API. */
    public synchronized FaultPlan guestNeverBoots(int vmid) {
        neverBoots.add(vmid);
        return this;
    }

    /** The guest agent of VM {@code vmid} never answers (the OS boots otherwise). */
    public synchronized FaultPlan agentNeverUp(int vmid) {
        agentNeverUp.add(vmid);
        return this;
    }

    /** The next authenticated API request is answered with {@code status} and {@code message}. */
    public synchronized FaultPlan failNextApiCall(int status, String message) {
        nextApiFaults.add(new ApiFault(status, message));
        return this;
    }

    /**
     * The next authenticated API request with HTTP {@code method} whose path (below {@code
     * /api2/json}, e.g. {@code /nodes/pve/qemu/9000/clone}) contains a match of {@code pathRegex}
     * fails once. With {@code afterHandler} false the handler does not run (nothing happens);
     * with {@code afterHandler} true it runs first (a clone really starts) and the client still
     * gets the error, so it cannot tell what happened: an ambiguous outcome. A {@code status} of
     * {@link #DROP_CONNECTION} closes the connection without any answer instead (the request log
     * shows status 0). When the handler itself refuses the call, its own error is answered and the
     * fault waits for the next match.
     *
     * @param message the error message (first line = reason phrase); ignored when dropping
     */
    public synchronized FaultPlan failApiCall(
            String method, String pathRegex, int status, String message, boolean afterHandler) {
        if (status != DROP_CONNECTION && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("an API fault status is 400..599 or DROP_CONNECTION (0), got " + status);
        }
        targetedApiFaults.add(new TargetedApiFault(
                Objects.requireNonNull(method, "method"),
                Pattern.compile(Objects.requireNonNull(pathRegex, "pathRegex")),
                new ApiFault(status, status == DROP_CONNECTION ? "connection dropped (simulated)" : message),
                afterHandler));
        return this;
    }

    /** The next clone onto {@code newid} times out on the new VM's lock. */
    public synchronized FaultPlan cloneLockTimeout(int newid) {
        nextCloneLockTimeouts.add(newid);
        return this;
    }

    /**
     * The next clone onto {@code newid} waits {@code delay} (real time) before it takes the new id's lock and writes
     * its {@code lock: clone} placeholder: a wider window in which the clone call has answered but the new VM does
     * not exist yet (a loaded host).
     */
    public synchronized FaultPlan delayCloneStart(int newid, Duration delay) {
        cloneStartDelays.put(newid, delay);
        return this;
    }

    /** The delay set for the clone onto {@code newid}, consumed. */
    public synchronized Optional<Duration> cloneStartDelay(int newid) {
        return Optional.ofNullable(cloneStartDelays.remove(newid));
    }

    /**
     * Another machine answers SSH on the address of VM {@code vmid}'s guest in its place, from its
     * next boot on: it presents the template's host keys (every clone holds them until it gets its
     * own), refuses every login and records what was sent to it. The guest's API and agent are not
     * affected.
     *
     * @return the impostor, to ask what reached it
     */
    public synchronized SshImpostor sshImpostor(int vmid) {
        return impostors.computeIfAbsent(vmid, v -> new SshImpostor());
    }

    /** The impostor staged for VM {@code vmid}'s guest, if any. */
    public synchronized Optional<SshImpostor> sshImpostorFor(int vmid) {
        return Optional.ofNullable(impostors.get(vmid));
    }

    /** The next {@code count} SSH sessions (on any machine) are dropped right after they open. */
    public synchronized FaultPlan dropNextSsh(int count) {
        sshDropsPending += count;
        return this;
    }

    /**
     * The next {@code count} cluster joins stop half-way (pve-facts §14.2): the cluster adds the node,
     * the joining node waits for quorum that never comes, and its {@code clusterjoin} task runs forever.
     */
    public synchronized FaultPlan stallNextJoins(int count) {
        joinStallsPending += count;
        return this;
    }

    // ---- decisions (called by the model) ----------------------------------------------------

    /** Whether this cluster join stops half-way, waiting for quorum forever ({@link #stallNextJoins}). */
    public synchronized boolean joinStalls() {
        if (joinStallsPending > 0) {
            joinStallsPending--;
            return true;
        }
        return false;
    }

    /** Whether and how a task of {@code type} with UPID id {@code id} fails. */
    public Optional<String> taskFailure(String type, String id) {
        synchronized (this) {
            Deque<String> q = nextTaskFailures.get(type);
            if (q != null && !q.isEmpty()) {
                return Optional.of(q.poll());
            }
        }
        double rate = taskRates.getOrDefault(type, rates.getOrDefault(Kind.TASK_FAILURE, 0.0));
        return roll(Kind.TASK_FAILURE, type + ":" + id, rate)
                ? Optional.of("simulated failure of " + type + " (fault seed " + seed + ")")
                : Optional.empty();
    }

    /** A transient failure for an API call, keyed by method and path (decided before its handler runs). */
    public Optional<ApiFault> apiFault(String method, String path) {
        synchronized (this) {
            Optional<ApiFault> targeted = targeted(method, path, false);
            if (targeted.isPresent()) {
                return targeted;
            }
            if (!nextApiFaults.isEmpty()) {
                return Optional.of(nextApiFaults.poll());
            }
        }
        return roll(Kind.API_5XX, method + " " + path, rate(Kind.API_5XX))
                ? Optional.of(new ApiFault(503, "Service Unavailable (simulated)\n"))
                : Optional.empty();
    }

    /** The failure answered after the handler of an API call ran ({@link #failApiCall} with afterHandler). */
    public synchronized Optional<ApiFault> apiFaultAfterHandler(String method, String path) {
        return targeted(method, path, true);
    }

    // one-shot: the first matching fault is used up
    private Optional<ApiFault> targeted(String method, String path, boolean after) {
        for (Iterator<TargetedApiFault> it = targetedApiFaults.iterator(); it.hasNext(); ) {
            TargetedApiFault f = it.next();
            if (f.matches(method, path, after)) {
                it.remove();
                return Optional.of(f.fault());
            }
        }
        return Optional.empty();
    }

    /** Whether a clone onto {@code newid} hits a lock timeout on the new VM. */
    public boolean cloneLockTimeout(int source, int newid) {
        synchronized (this) {
            if (nextCloneLockTimeouts.remove(newid)) {
                return true;
            }
        }
        return roll(Kind.CLONE_LOCK_TIMEOUT, source + ">" + newid, rate(Kind.CLONE_LOCK_TIMEOUT));
    }

    /** Whether the guest of {@code vmid} never boots (decided per boot). */
    public boolean guestNeverBoots(int vmid, String bootKey) {
        synchronized (this) {
            if (neverBoots.contains(vmid)) {
                return true;
            }
        }
        return roll(Kind.GUEST_NEVER_BOOTS, vmid + ":" + bootKey, rate(Kind.GUEST_NEVER_BOOTS));
    }

    /** Whether the agent of {@code vmid} never answers (decided per boot). */
    public boolean agentNeverUp(int vmid, String bootKey) {
        synchronized (this) {
            if (agentNeverUp.contains(vmid)) {
                return true;
            }
        }
        return roll(Kind.AGENT_NEVER_UP, vmid + ":" + bootKey, rate(Kind.AGENT_NEVER_UP));
    }

    /** Whether the agent of {@code vmid} answers only a boot time after its OS is up (decided per boot). */
    public boolean agentLate(int vmid, String bootKey) {
        return roll(Kind.AGENT_LATE, vmid + ":" + bootKey, rate(Kind.AGENT_LATE));
    }

    /** Whether an SSH session to {@code address} is dropped. */
    public boolean sshDrop(String address) {
        synchronized (this) {
            if (sshDropsPending > 0) {
                sshDropsPending--;
                return true;
            }
        }
        return roll(Kind.SSH_DROP, address, rate(Kind.SSH_DROP));
    }

    private double rate(Kind kind) {
        return rates.getOrDefault(kind, 0.0);
    }

    /** Deterministic: the n-th decision for (kind, key) depends only on seed, kind, key and n. */
    private boolean roll(Kind kind, String key, double rate) {
        if (rate <= 0) {
            return false;
        }
        String k = kind + "|" + key;
        long n = attempts.computeIfAbsent(k, x -> new AtomicLong()).getAndIncrement();
        return unit(seed, k + "|" + n) < rate;
    }

    /** A number in [0,1) from FNV-1a of the key mixed with the seed by SplitMix64. */
    static double unit(long seed, String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b;
            h *= 0x100000001b3L;
        }
        long z = h ^ seed;
        z += 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53;
    }

    @Override
    public String toString() {
        return "FaultPlan[seed=" + seed + ", rates=" + rates + ", taskRates=" + taskRates + "]";
    }

    /** Builds a plan: a seed and per-kind rates in [0,1]. */
    public static final class Builder {
        private long seed = 1;
        private final Map<Kind, Double> rates = new EnumMap<>(Kind.class);
        private final Map<String, Double> taskRates = new HashMap<>();

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** Probability of {@code kind} per decision. */
        public Builder rate(Kind kind, double probability) {
            rates.put(kind, check(probability));
            return this;
        }

        /** Probability {@code probability} for every transient kind ({@link Kind#isTransient()}). */
        public Builder transientRate(double probability) {
            return rates(true, probability);
        }

        /** Probability {@code probability} for every permanent kind. */
        public Builder permanentRate(double probability) {
            return rates(false, probability);
        }

        private Builder rates(boolean transientKinds, double probability) {
            for (Kind kind : Kind.values()) {
                if (kind.isTransient() == transientKinds) {
                    rate(kind, probability);
                }
            }
            return this;
        }

        /** Probability that a task of {@code type} fails (overrides the TASK_FAILURE rate). */
        public Builder taskFailureRate(String type, double probability) {
            taskRates.put(type, check(probability));
            return this;
        }

        public FaultPlan build() {
            return new FaultPlan(this);
        }

        private static double check(double p) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("a fault rate is a probability in [0,1], got " + p);
            }
            return p;
        }
    }
}
