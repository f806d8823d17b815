package io.jenkins.plugins.nestedpve.provision;

import io.jenkins.plugins.nestedpve.NestedPveException;
import io.jenkins.plugins.nestedpve.cluster.OwnershipMarker;
import io.jenkins.plugins.nestedpve.cluster.VmidAllocator;
import io.jenkins.plugins.nestedpve.cluster.VmidRangeExhaustedException;
import io.jenkins.plugins.nestedpve.events.Healing;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.ledger.LedgerEntry;
import io.jenkins.plugins.nestedpve.placement.PlacementPlan;
import io.jenkins.plugins.nestedpve.pve.CloneRequest;
import io.jenkins.plugins.nestedpve.pve.PveAmbiguousOutcomeException;
import io.jenkins.plugins.nestedpve.pve.PveApiException;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.PveNotFoundException;
import io.jenkins.plugins.nestedpve.pve.RetryPolicy;
import io.jenkins.plugins.nestedpve.pve.TaskFailedException;
import io.jenkins.plugins.nestedpve.pve.Upid;
import io.jenkins.plugins.nestedpve.pve.VmConfig;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.spec.VmidRange;
import io.jenkins.plugins.nestedpve.wait.WaitTimeoutException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The clone phase (CLONE) of one guest, giving a {@link ClonedGuest}: picks a VMID, clones the template with the ownership marker in the
 * clone call itself, records the VM in the ledger the moment the call returns, and waits for the
 * clone task. Clones of one template are serialized through the engine's {@link TemplateLocks}.
 * Another caller taking the VMID ({@code already exists}) means the next VMID; a lock timeout means
 * the same call again after a backoff; an unanswered clone request is never sent again but
 * answered by re-reading the host (pve-facts §3.2, §3.4, §3.11).
 */
final class ClonePhase {
    /** Attempts before giving up on collisions and lock timeouts. */
    static final int MAX_ATTEMPTS = 8;

    private enum Outcome {
        CREATED,
        TAKEN,
        LOCKED
    }

    private final RunContext run;
    private final ClusterSpec spec;
    private final PveClient host;
    /** What this guest is cloned from, and the node it goes to (the spec's placement). */
    private final PlacementPlan.CloneSource source;

    private final GuestSlot node;
    private final String hostId;
    private String lastProblem = "";
    /** Set after another caller took a VMID: the next pick starts at a random point of the range. */
    private boolean collided;
    /** VMIDs another caller took during this clone: not tried again. */
    private final Set<Integer> taken = new HashSet<>();

    /** One per guest: it remembers the last problem of its attempts. */
    ClonePhase(RunContext run, ClusterSpec spec, Validated validated, GuestSlot node) {
        this.run = run;
        this.spec = spec;
        this.host = validated.host();
        this.source = validated.placement().sourceOf(node.index());
        this.node = node;
        this.hostId = spec.host().id();
    }

    ClonedGuest run() {
        int vmid = run.phases().run(Phase.CLONE, node.name(), this::cloneGuest);
        return new ClonedGuest(node, vmid, source.guestNode());
    }

    private int cloneGuest() throws InterruptedException {
        ReentrantLock lock = run.templateLocks().lockFor(hostId, source.vmid());
        if (!lock.tryLock(run.overall().remaining().toMillis(), TimeUnit.MILLISECONDS)) {
            throw new WaitTimeoutException("waited for other clones of template " + source.vmid()
                    + " until the overall provisioning time ran out — fewer clusters at once, or raise"
                    + " timeouts.overall");
        }
        try {
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                int vmid = pickVmid();
                Outcome o = attempt(vmid);
                if (o == Outcome.CREATED) {
                    return vmid;
                }
                if (o == Outcome.LOCKED) {
                    // nothing was created: the same VMID may be tried again after the backoff
                    run.templateLocks().release(hostId, List.of(vmid));
                    run.footprint().claims().remove(vmid);
                    run.ctx().sleeper().sleep(run.ctx().poll().delay(attempt));
                }
            }
            throw new NestedPveException("cloning template " + source.vmid() + " for " + node.name() + " failed "
                    + MAX_ATTEMPTS + " times (last: " + lastProblem + ") — the host is busy with other clones or"
                    + " the VMID range is contended; retry later or widen vmidRange");
        } finally {
            lock.unlock();
        }
    }

    private Outcome attempt(int vmid) throws InterruptedException {
        CloneRequest request = request(vmid);
        Upid upid;
        try {
            upid = run.shield().call(() -> host.cloneVm(source.node(), source.vmid(), request));
        } catch (PveAmbiguousOutcomeException e) {
            record(vmid); // it may exist: teardown re-reads the marker before destroying anything
            return resolveAmbiguous(vmid, e);
        } catch (PveApiException e) {
            return refused(vmid, e.pveMessage(), e.isRetryableLockTimeout(), e);
        }
        record(vmid);
        run.footprint().vmid(node.index(), node.name(), vmid);
        run.footprint().task(node.index(), node.name(), upid);
        try {
            host.tasks().await(upid, run.deadline(spec.timeouts().cloneTask()));
            return Outcome.CREATED;
        } catch (TaskFailedException e) {
            Outcome o = refused(vmid, e.exitStatus(), RetryPolicy.isLockTimeout(e.exitStatus()), e);
            run.footprint().vmid(node.index(), node.name(), null);
            forgetIfAbsent(vmid);
            return o;
        }
    }

    /** A refused clone: another VMID when taken, the same call later when locked, else fail. */
    private Outcome refused(int vmid, String message, boolean lockTimeout, RuntimeException e) {
        lastProblem = "VMID " + vmid + ": " + message;
        if (lockTimeout && message != null && message.contains(newIdLock(vmid))) {
            // the new id's flock is held for a whole clone (pve-facts §3.4): another caller is creating it
            run.info("VMID " + vmid + " is being created by another caller (" + message + "); trying another VMID");
            collided = true;
            taken.add(vmid);
            return Outcome.TAKEN;
        }
        if (lockTimeout) {
            run.info("clone onto VMID " + vmid + " hit a lock timeout; retrying after a backoff: " + message);
            return Outcome.LOCKED;
        }
        if (message != null && message.contains("already exists")) {
            run.info("VMID " + vmid + " was taken meanwhile (" + message + "); trying another VMID");
            collided = true;
            taken.add(vmid);
            return Outcome.TAKEN;
        }
        throw e;
    }

    /** The flock file of a VMID's config (pve-facts §3.11). */
    static String newIdLock(int vmid) {
        return "/lock-" + vmid + ".conf'";
    }

    private CloneRequest request(int vmid) {
        OwnershipMarker marker = OwnershipMarker.forNode(
                        spec, run.lease(), node.name(), vmid, run.ctx().clock().instant())
                .signedWith(run.ctx().markerKey());
        CloneRequest.Builder b = CloneRequest.builder(vmid).name(node.name()).description(marker.format());
        if (source.target() != null) {
            b.target(source.target());
        }
        spec.pool().ifPresent(b::pool);
        if (spec.fullClone()) {
            b.full(true);
            spec.storage().ifPresent(b::storage);
        } else {
            b.full(false);
        }
        return b.build();
    }

    /**
     * The lowest VMID of the range that is unused, unclaimed (by any engine of this process) and
     * confirmed free by nextid; after a collision with another process, the first such VMID from a
     * random point of the range, so that processes that collided do not all move to the same next
     * VMID again.
     */
    private int pickVmid() {
        Set<Integer> used = new HashSet<>(run.templateLocks().claimed(hostId));
        used.addAll(taken);
        host.vmResources().forEach(v -> used.add(v.vmid()));
        VmidRange range = spec.vmidRange();
        long from = collided ? range.start() + ThreadLocalRandom.current().nextLong(range.size()) : range.start();
        while (true) {
            OptionalInt next = VmidAllocator.nextFrom(range, used, from);
            if (next.isEmpty()) {
                throw new VmidRangeExhaustedException(spec.vmidRange(), 0, 1);
            }
            int id = next.getAsInt();
            used.add(id);
            if (run.templateLocks().claim(hostId, id)) {
                run.footprint().claims().add(id);
                if (host.checkVmidFree(id)) {
                    return id;
                }
            }
        }
    }

    private void record(int vmid) {
        run.ctx().ledger().record(entry(vmid));
    }

    private LedgerEntry entry(int vmid) {
        return new LedgerEntry(
                run.lease(),
                spec.clusterName(),
                spec.host().id(),
                source.guestNode(),
                vmid,
                node.name(),
                LedgerEntry.State.CREATED,
                run.ctx().clock().instant());
    }

    /** A failed clone task removed its placeholder: close the ledger entry when the VM is indeed absent. */
    private void forgetIfAbsent(int vmid) {
        if (config(vmid).isEmpty()) {
            run.ctx().ledger().record(entry(vmid).destroyed(run.ctx().clock().instant()));
        }
    }

    /**
     * The clone request got no clear answer: wait until no clone of the template runs any more,
     * then the VM exists with this lease's marker (adopt it) or the request did not take effect.
     */
    private Outcome resolveAmbiguous(int vmid, PveAmbiguousOutcomeException e) throws InterruptedException {
        run.warn("the clone request for " + node.name() + " got no clear answer (" + e.getMessage()
                + "); re-reading the host instead of sending it again");
        run.waiter()
                .until(
                        "the clone tasks of template " + source.vmid() + " should end",
                        run.deadline(spec.timeouts().cloneTask()),
                        run.ctx().poll(),
                        () -> {
                            List<Upid> active = host.activeTasks(source.node(), "qmclone", source.vmid());
                            return active.isEmpty() ? Optional.of(Boolean.TRUE) : Optional.empty();
                        });
        Optional<VmConfig> config = config(vmid);
        boolean ours = config.flatMap(c -> OwnershipMarker.parse(c.description().orElse(null)))
                .filter(m -> m.lease().equals(run.lease())
                        && m.node().equals(node.name())
                        && m.verifiedFor(vmid, run.ctx().markerKey()))
                .isPresent();
        if (ours && config.get().lock().isEmpty()) {
            run.footprint().vmid(node.index(), node.name(), vmid);
            run.info("the clone of " + node.name() + " as VMID " + vmid + " did take effect; continuing with it");
            reconciled("the clone onto VMID " + vmid + " had taken effect; continuing with it", e);
            return Outcome.CREATED;
        }
        lastProblem = "VMID " + vmid + ": clone request unanswered and no VM of ours appeared";
        reconciled("the clone onto VMID " + vmid + " had not taken effect; cloning again", e);
        return Outcome.TAKEN;
    }

    private void reconciled(String detail, PveAmbiguousOutcomeException e) {
        run.listener()
                .healed(new Healing(
                        Healing.Action.RECONCILED,
                        Phase.CLONE,
                        node.name(),
                        detail + " (after: " + Healing.firstLine(e.getMessage()) + ")"));
    }

    private Optional<VmConfig> config(int vmid) {
        try {
            return Optional.of(host.vmConfig(source.guestNode(), vmid));
        } catch (PveNotFoundException e) {
            return Optional.empty();
        }
    }
}
