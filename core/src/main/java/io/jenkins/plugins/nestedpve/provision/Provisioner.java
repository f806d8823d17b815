package io.jenkins.plugins.nestedpve.provision;

import io.jenkins.plugins.nestedpve.cluster.HostCredentials;
import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.events.Timeline;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import java.util.function.Function;

/**
 * One provisioning, phase by phase (DESIGN.md "Provisioning phases"): validated → per guest, in
 * parallel, cloned → booted → reachable → identified → clustered (pipelined: node 1 creates the
 * cluster as soon as it is identified, each other node joins as soon as it is) → ready. Each phase takes
 * the record the one before gave and returns the next. On any failure, cancellation or interrupt
 * it cleans up before rethrowing ({@link AfterFailure}); whatever ends it, sessions are closed and
 * claimed VMIDs released.
 */
final class Provisioner {
    private final RunContext run;
    private final ClusterSpec spec;
    private final HostCredentials credentials;
    private final Timeline timeline;
    private final GuestAccess access;
    private final Replacements replacements;
    private final CloneOrder cloneOrder;

    Provisioner(RunContext run, ClusterSpec spec, HostCredentials credentials, Timeline timeline) {
        this.run = run;
        this.spec = spec;
        this.credentials = credentials;
        this.timeline = timeline;
        this.access = new GuestAccess(run, spec);
        this.replacements = new Replacements(run, spec.host(), run.ctx().replacements());
        this.cloneOrder = new CloneOrder(spec.nodes());
    }

    NestedCluster provision() {
        try {
            Validated validated = new ValidatePhase(run, spec, credentials).run();
            run.footprint().clonesStarted();
            return new ReadyPhase(run, spec, timeline).run(clustered(validated));
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            ProvisioningException failure =
                    e instanceof ProvisioningException p ? p : new ProvisioningException(Phase.READY, null, e);
            failure.lease(run.lease());
            new AfterFailure(run, spec).cleanUp(failure);
            throw failure;
        } finally {
            run.footprint().closeGuests();
            run.templateLocks().release(spec.host().id(), run.footprint().claims());
            run.footprint().closeHost();
        }
    }

    /**
     * Builds every guest on its own thread and forms the cluster while they come up: node 1 creates it
     * as soon as it is identified, the others join as they become ready. Every guest thread has ended
     * when this returns or throws.
     */
    private ClusteredGuests clustered(Validated validated) {
        try (ParallelGuests guests = new ParallelGuests(run, spec.timeouts().command(), spec.nodes())) {
            Function<GuestSlot, IdentifiedGuest> build = slot -> guest(validated, slot);
            GuestSlot.of(spec.nodeNames()).forEach(slot -> guests.submit(slot, build));
            ClusterPhase.ReadyGuests source = new ClusterPhase.ReadyGuests() {
                @Override
                public IdentifiedGuest next() {
                    return guests.next();
                }

                @Override
                public void rebuild(GuestSlot slot) {
                    guests.submit(slot, build);
                }
            };
            JoinHealing healing =
                    new JoinHealing(run, replacements, access, spec.timeouts().command());
            return new ClusterPhase(run, spec, access, source, healing).run();
        }
    }

    /** The phases of one guest, on its own thread; a guest that fails may be replaced ({@link Replacements}). */
    private IdentifiedGuest guest(Validated validated, GuestSlot slot) {
        while (true) {
            try {
                return build(validated, slot);
            } catch (ProvisioningException e) {
                if (!replacements.replace(slot, e)) {
                    throw e;
                }
            }
        }
    }

    private IdentifiedGuest build(Validated validated, GuestSlot slot) {
        ClonedGuest cloned;
        try {
            cloneOrder.awaitTurn(slot);
            cloned = new ClonePhase(run, spec, validated, slot).run();
        } finally {
            cloneOrder.ended(slot);
        }
        BootedGuest booted = new BootPhase(run, spec, validated).run(cloned);
        ReachableGuest reachable = new ReachPhase(run, spec, validated, access).run(booted);
        return new IdentifyPhase(run, spec, validated, access).run(reachable);
    }
}
