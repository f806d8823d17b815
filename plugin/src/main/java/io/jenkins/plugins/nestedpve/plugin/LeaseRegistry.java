package io.jenkins.plugins.nestedpve.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The persistent record of every nested cluster this Jenkins made and has not yet seen destroyed: the ground
 * truth for teardown after a failed build, a killed build, a restart or a crash (the step's own state in
 * program.dat is not enough). One JSON file, rewritten atomically on every change; it holds ids, names and
 * VMIDs, never a secret. Thread-safe.
 */
public final class LeaseRegistry {
    /** Where the file lives below the Jenkins root directory. */
    public static final String RELATIVE_PATH = "nested-pve/leases.json";

    private final Path file;
    private final Clock clock;
    private final LeaseJson json = new LeaseJson();
    private final Map<String, Lease> leases = new LinkedHashMap<>();
    private final String owner;

    private LeaseRegistry(Path file, Clock clock, String owner, List<Lease> loaded) {
        this.file = file;
        this.clock = clock;
        this.owner = owner;
        loaded.forEach(l -> leases.put(l.id(), l));
    }

    /**
     * Opens the registry at {@code file}, creating it on first use. An unreadable file is moved aside (to
     * {@code <file>.unreadable-<millis>}) and reported to {@code warn}, and the registry starts empty: the
     * periodic reaper still finds leftover guests by their ownership marker.
     */
    public static LeaseRegistry open(Path file, Clock clock, Consumer<String> warn) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(clock, "clock");
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                LeaseJson.Content c = new LeaseJson().read(in);
                return new LeaseRegistry(file, clock, c.owner(), c.leases());
            } catch (IOException e) {
                Path aside = file.resolveSibling(file.getFileName() + ".unreadable-" + clock.millis());
                warn.accept("Lease registry " + file + " is unreadable (" + e.getMessage() + "); moved it to " + aside
                        + " and started empty. Check the host for guests with the nested-pve tag.");
                moveAside(file, aside);
            }
        }
        LeaseRegistry fresh = new LeaseRegistry(file, clock, UUID.randomUUID().toString(), List.of());
        fresh.persist();
        return fresh;
    }

    /** This installation's owner id, written into every guest's ownership marker. */
    public String ownerId() {
        return owner;
    }

    /** Opens a lease with a new id in state {@link LeaseState#PROVISIONING}, before the first guest is created. */
    public synchronized Lease open(String buildId, String hostId, String clusterName) {
        return open(UUID.randomUUID().toString(), buildId, hostId, clusterName);
    }

    /**
     * Opens the lease {@code leaseId} in state {@link LeaseState#PROVISIONING}, before the first guest is created.
     * The id is the one the core writes into the guests' ownership markers, so that the registry, the markers and
     * the reaper speak of the same lease.
     *
     * @throws IllegalArgumentException when a lease with that id exists
     */
    public synchronized Lease open(String leaseId, String buildId, String hostId, String clusterName) {
        if (leases.containsKey(leaseId)) {
            throw new IllegalArgumentException("lease " + leaseId + " is already in " + file);
        }
        Instant now = clock.instant();
        Lease l = new Lease(leaseId, buildId, hostId, clusterName, List.of(), now, LeaseState.PROVISIONING, null, now);
        leases.put(l.id(), l);
        try {
            persist();
        } catch (UncheckedIOException e) {
            leases.remove(l.id());
            throw e;
        }
        return l;
    }

    /** Records a created guest: call the moment its clone call returns. */
    public synchronized Lease recordVmid(String leaseId, int vmid) {
        return update(leaseId, l -> l.withVmid(vmid, clock.instant()));
    }

    /** The cluster is up. */
    public synchronized Lease activate(String leaseId) {
        return update(leaseId, l -> l.withState(LeaseState.ACTIVE, clock.instant()));
    }

    /** Keep-on-failure: the guests stay until {@code until}, then the reaper destroys them. */
    public synchronized Lease keepUntil(String leaseId, Instant until) {
        return update(leaseId, l -> l.withExpiry(until, clock.instant()));
    }

    /** Teardown has started (a failed teardown stays in this state and is retried). */
    public synchronized Lease beginTeardown(String leaseId) {
        return update(leaseId, l -> l.withState(LeaseState.TEARDOWN, clock.instant()));
    }

    /** Every guest is gone. */
    public synchronized Lease release(String leaseId) {
        return update(leaseId, l -> l.withState(LeaseState.RELEASED, clock.instant()));
    }

    public synchronized Optional<Lease> find(String leaseId) {
        return Optional.ofNullable(leases.get(leaseId));
    }

    /** Every lease, oldest first. */
    public synchronized List<Lease> all() {
        return List.copyOf(leases.values());
    }

    /** The leases whose guests may still exist. */
    public synchronized List<Lease> live() {
        return leases.values().stream().filter(Lease::isLive).toList();
    }

    /** The live leases of one build. */
    public synchronized List<Lease> liveOfBuild(String buildId) {
        return leases.values().stream()
                .filter(l -> l.isLive() && l.buildId().equals(buildId))
                .toList();
    }

    /** Forgets released leases older than {@code retention}; returns how many. */
    public synchronized int pruneReleased(Duration retention) {
        Instant cutoff = clock.instant().minus(retention);
        List<String> old = new ArrayList<>();
        leases.values().stream()
                .filter(l -> !l.isLive() && l.updated().isBefore(cutoff))
                .forEach(l -> old.add(l.id()));
        old.forEach(leases::remove);
        if (!old.isEmpty()) {
            persist();
        }
        return old.size();
    }

    private Lease update(String leaseId, UnaryOperator<Lease> change) {
        Lease current = leases.get(leaseId);
        if (current == null) {
            throw new NoSuchElementException("no lease " + leaseId + " in " + file);
        }
        Lease next = change.apply(current);
        leases.put(leaseId, next);
        try {
            persist();
        } catch (UncheckedIOException e) {
            leases.put(leaseId, current); // memory and file stay the same
            throw e;
        }
        return next;
    }

    private void persist() {
        LeaseJson.Content content = new LeaseJson.Content(owner, List.copyOf(leases.values()));
        try {
            AtomicFiles.write(file, out -> json.write(content, out));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write the lease registry " + file + ": " + e
                            + "; check free space and permissions of the Jenkins home",
                    e);
        }
    }

    private static void moveAside(Path file, Path aside) {
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the unreadable lease registry " + file + " aside", e);
        }
    }
}
