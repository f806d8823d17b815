package io.jenkins.plugins.nestedpve.teardown;

import io.jenkins.plugins.nestedpve.NestedPveException;
import io.jenkins.plugins.nestedpve.cluster.OwnershipMarker;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.events.PhaseRun;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import io.jenkins.plugins.nestedpve.ledger.LedgerEntry;
import io.jenkins.plugins.nestedpve.lifecycle.EngineContext;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.PveNotFoundException;
import io.jenkins.plugins.nestedpve.pve.Upid;
import io.jenkins.plugins.nestedpve.pve.VmConfig;
import io.jenkins.plugins.nestedpve.spec.HostRef;
import io.jenkins.plugins.nestedpve.spec.VmidRange;
import io.jenkins.plugins.nestedpve.teardown.TeardownReport.Result;
import io.jenkins.plugins.nestedpve.teardown.TeardownReport.VmOutcome;
import io.jenkins.plugins.nestedpve.wait.Backoff;
import io.jenkins.plugins.nestedpve.wait.Deadline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Destroys guests, each VM on its own thread, and never a VM without this installation's marker: the config is read
 * again first, and a VM is left alone, even inside the VMID range, unless {@link OwnershipCheck}
 * says it is ours (signed marker verified for its VMID, inside the range, tagged or not tagged at
 * all) and the marker names the lease, when one is given. Per VM: wait out a running clone (also one whose VM
 * does not exist yet), stop (a no-op task on a stopped VM),
 * {@code DELETE ...?purge=1&destroy-unreferenced-disks=1}, wait for the task; "does not exist"
 * counts as done (pve-facts §3.6, §3.8). A failing VM is retried a few times, then reported;
 * teardown goes on with the next one. Keep-on-failure writes an expiry into each marker instead.
 */
public final class Teardown {
    /** Attempts per VM before it is reported as failed. */
    public static final int ATTEMPTS = 4;

    /**
     * Polling a stop or destroy task: every 100 ms. The two tasks are short (seconds) and each VM's
     * teardown is nothing but them, so a poll interval that grows would add about half of itself to
     * every teardown (docs/benchmarks.md); a VM's teardown reads its task status at most about ten
     * times per second.
     */
    static final Backoff TASK_POLL = new Backoff(Duration.ofMillis(100), 1.0, Duration.ofMillis(100));

    /**
     * One VM to handle.
     *
     * @param vmid its VMID
     * @param node the guest's node name, or null when unknown
     * @param confirm checked on the marker as read just before destroying; false leaves the VM alone
     */
    public record Target(int vmid, String node, Predicate<OwnershipMarker> confirm) {
        /** A VM to destroy when it carries this installation's marker (and the lease, when given). */
        public Target(int vmid, String node) {
            this(vmid, node, marker -> true);
        }

        public Target {
            Objects.requireNonNull(confirm, "confirm");
        }
    }

    private final EngineContext ctx;
    private final PveClient host;
    private final HostRef hostRef;
    private final ProgressListener listener;
    private final SettledConfigs configs;
    private final OwnershipCheck ownership;
    private volatile boolean interrupted;

    /** As {@link #Teardown(EngineContext, PveClient, HostRef, VmidRange, ProgressListener)} with any VMID. */
    public Teardown(EngineContext ctx, PveClient host, HostRef hostRef, ProgressListener listener) {
        this(ctx, host, hostRef, OwnershipCheck.ANY_VMID, listener);
    }

    /**
     * @param host a client of the physical host (token)
     * @param hostRef the host, for the ledger
     * @param vmids the configured VMID range: a VM outside it is never destroyed
     * @param listener receives a TEARDOWN phase per VM
     */
    public Teardown(EngineContext ctx, PveClient host, HostRef hostRef, VmidRange vmids, ProgressListener listener) {
        this.ownership = OwnershipCheck.of(ctx, vmids);
        this.ctx = ctx;
        this.host = host;
        this.hostRef = hostRef;
        this.listener = ProgressListener.safe(listener);
        this.configs = new SettledConfigs(ctx, host, hostRef, this.listener);
    }

    /**
     * Destroys {@code targets} that carry this installation's marker (and, when {@code lease} is not
     * null, that lease).
     */
    public TeardownReport destroy(Collection<Target> targets, String lease, Deadline deadline) {
        return destroy(targets, List::of, lease, deadline);
    }

    /**
     * As {@link #destroy(Collection, String, Deadline)}, and meanwhile asks {@code more} for further
     * targets (e.g. a marker sweep of the host), destroying those not known yet as well: the known
     * VMs need not wait for the search. When {@code more} fails, the known VMs are still destroyed
     * and its exception is thrown afterwards.
     */
    public TeardownReport destroy(
            Collection<Target> targets, Supplier<Collection<Target>> more, String lease, Deadline deadline) {
        // teardown runs to its end: an interrupt is remembered and restored afterwards
        interrupted = Thread.interrupted();
        List<NestedPveException> errors = Collections.synchronizedList(new ArrayList<>());
        StartGate gate = new StartGate(targets.stream().map(Target::vmid).toList());
        try (DestroyPool pool =
                new DestroyPool(ctx.threads(), t -> destroyReported(t, lease, deadline, gate, errors))) {
            pool.add(targets);
            RuntimeException searchFailed = null;
            try {
                pool.add(more.get());
            } catch (RuntimeException e) {
                searchFailed = e;
            }
            List<VmOutcome> vms = pool.outcomes();
            if (pool.interrupted()) {
                interrupted = true;
            }
            if (searchFailed != null) {
                throw searchFailed;
            }
            return new TeardownReport(vms, List.copyOf(errors));
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private VmOutcome destroyReported(
            Target t, String lease, Deadline deadline, StartGate gate, List<NestedPveException> errors) {
        try (PhaseRun run = PhaseRun.start(listener, ctx.clock(), Phase.TEARDOWN, label(t))) {
            VmOutcome o = destroyWithRetries(t, lease, deadline, gate, errors);
            if (o.result() != Result.FAILED) {
                run.succeeded();
            }
            return o;
        }
    }

    /** Keep-on-failure: writes {@code until} into the marker of each target that is ours. */
    public TeardownReport keep(Collection<Target> targets, String lease, Instant until) {
        List<VmOutcome> vms = new ArrayList<>();
        List<NestedPveException> errors = new ArrayList<>();
        for (Target t : targets) {
            try {
                vms.add(keepOne(t, lease, until));
            } catch (RuntimeException e) {
                vms.add(new VmOutcome(t.vmid(), t.node(), Result.FAILED, e.getMessage()));
                errors.add(new TeardownException(
                        t.vmid(),
                        "could not mark VM " + t.vmid() + " as kept until "
                                + until + ": " + e.getMessage() + " — destroy it by hand when done: qm stop " + t.vmid()
                                + " && qm destroy " + t.vmid() + " --purge",
                        e));
            }
        }
        return new TeardownReport(vms, errors);
    }

    private VmOutcome keepOne(Target t, String lease, Instant until) {
        Optional<VmConfig> config = settledConfig(t.vmid());
        Optional<OwnershipMarker> marker = config.flatMap(Teardown::marker);
        if (config.isEmpty()) {
            return new VmOutcome(t.vmid(), t.node(), Result.ALREADY_GONE, "does not exist");
        }
        VmOutcome refused = refusal(t, config.get(), marker, lease);
        if (refused != null) {
            return refused;
        }
        host.updateVmConfigSync(
                configs.nodeOf(t.vmid()),
                t.vmid(),
                java.util.Map.of(
                        "description",
                        marker.get()
                                .withExpiry(until)
                                .signedWith(ctx.markerKey())
                                .format()));
        return new VmOutcome(t.vmid(), t.node(), Result.KEPT, "kept until " + until);
    }

    /** {@link SettledConfigs#settled} for keep-on-failure, which has no deadline of its own. */
    private Optional<VmConfig> settledConfig(int vmid) {
        try {
            return configs.settled(vmid, Deadline.after(ctx.clock(), SettledConfigs.CLONE_WAIT));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NestedPveException("interrupted while reading VM " + vmid, e);
        }
    }

    private VmOutcome destroyWithRetries(
            Target t, String lease, Deadline deadline, StartGate gate, List<NestedPveException> errors) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return destroyOne(t, lease, deadline, gate);
            } catch (PveNotFoundException e) {
                return gone(t, null);
            } catch (RuntimeException e) {
                last = e;
            } catch (InterruptedException e) {
                interrupted = true;
                last = new NestedPveException("interrupted while destroying VM " + t.vmid(), e);
            }
            if (deadline.expired()) {
                break;
            }
            pause(attempt);
        }
        errors.add(new TeardownException(
                t.vmid(),
                "could not destroy VM " + t.vmid()
                        + (t.node() == null ? "" : " (" + t.node() + ")") + " on " + hostRef.node() + ": "
                        + last.getMessage() + " — destroy it by hand: qm stop " + t.vmid() + " && qm destroy "
                        + t.vmid()
                        + " --purge --destroy-unreferenced-disks 1",
                last));
        return new VmOutcome(t.vmid(), t.node(), Result.FAILED, last.getMessage());
    }

    private VmOutcome destroyOne(Target t, String lease, Deadline deadline, StartGate gate)
            throws InterruptedException {
        try {
            return destroyOne(t, lease, deadline, () -> gate.arriveAndAwait(t.vmid()));
        } finally {
            gate.leave(t.vmid());
        }
    }

    /** Something to do just before the stop. */
    @FunctionalInterface
    private interface BeforeStop {
        void run() throws InterruptedException;
    }

    private VmOutcome destroyOne(Target t, String lease, Deadline deadline, BeforeStop beforeStop)
            throws InterruptedException {
        Optional<VmConfig> config = configs.settled(t.vmid(), deadline);
        if (config.isEmpty()) {
            return gone(t, null);
        }
        Optional<OwnershipMarker> marker = marker(config.get());
        VmOutcome refused = refusal(t, config.get(), marker, lease);
        if (refused != null) {
            return refused;
        }
        if (!t.confirm().test(marker.get())) {
            // the marker read now no longer supports the caller's decision (e.g. the VMID was reused
            // by a new lease, or the expiry was extended since the reaper's scan)
            return new VmOutcome(
                    t.vmid(),
                    t.node(),
                    Result.NOT_OURS,
                    "marker changed since the decision (lease " + marker.get().lease() + "): left untouched");
        }
        // no status read first: stopping a stopped VM is a no-op task that ends OK (pve-facts §3.6),
        // and a destroy of a running VM is refused (§3.8)
        String node = configs.nodeOf(t.vmid());
        beforeStop.run();
        await(host.stopVm(node, t.vmid()), deadline);
        await(host.deleteVm(node, t.vmid(), true, true), deadline);
        return gone(t, marker.get());
    }

    private void await(Upid upid, Deadline deadline) throws InterruptedException {
        host.tasks().await(upid, deadline, TASK_POLL);
    }

    private VmOutcome gone(Target t, OwnershipMarker marker) {
        Instant now = ctx.clock().instant();
        String lease = marker == null ? "" : marker.lease();
        String cluster = marker == null ? "" : marker.cluster();
        String node = t.node() != null ? t.node() : marker == null ? "" : marker.node();
        ctx.ledger()
                .record(new LedgerEntry(
                        lease,
                        cluster,
                        hostRef.id(),
                        configs.nodeOf(t.vmid()),
                        t.vmid(),
                        node,
                        LedgerEntry.State.DESTROYED,
                        now));
        return marker == null
                ? new VmOutcome(t.vmid(), t.node(), Result.ALREADY_GONE, "does not exist")
                : new VmOutcome(t.vmid(), t.node(), Result.DESTROYED, "destroyed");
    }

    /**
     * Why the VM must be left alone, or null when it is ours (and of {@code lease}, when given). A VM
     * with this installation's marker of another lease is another cluster's ({@link Result#NOT_OURS});
     * one without a valid marker of this installation, although this installation recorded it as
     * created, is left in place for a hand to decide ({@link Result#UNMARKED}).
     */
    private VmOutcome refusal(Target t, VmConfig config, Optional<OwnershipMarker> marker, String lease) {
        OwnershipCheck.Trust trust = ownership.check(t.vmid(), marker, config.tags(), true);
        if (trust == OwnershipCheck.Trust.OURS) {
            return lease == null || marker.get().lease().equals(lease)
                    ? null
                    : new VmOutcome(
                            t.vmid(),
                            t.node(),
                            Result.NOT_OURS,
                            "marker of lease " + marker.get().lease() + ": left untouched");
        }
        String why = trust == OwnershipCheck.Trust.OTHER_INSTALLATION
                ? "marker of installation " + marker.get().installation() + ", lease "
                        + marker.get().lease()
                : trust.reason();
        return new VmOutcome(t.vmid(), t.node(), Result.UNMARKED, why + ": left untouched");
    }

    static Optional<OwnershipMarker> marker(VmConfig config) {
        return OwnershipMarker.parse(config.description().orElse(null));
    }

    private static String label(Target t) {
        return t.node() != null ? t.node() : "vm-" + t.vmid();
    }

    private void pause(int attempt) {
        try {
            ctx.sleeper().sleep(ctx.poll().delay(attempt));
        } catch (InterruptedException e) {
            interrupted = true;
        }
    }
}
