package io.jenkins.plugins.nestedpve.provision;

import io.jenkins.plugins.nestedpve.cluster.HostCredentials;
import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.events.Timeline;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import java.util.List;

/**
 * One provisioning, phase by phase (DESIGN.md "Provisioning phases"): validated → per guest, in
 * parallel, cloned → booted → reachable → identified → then clustered → ready. Each phase takes
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

    Provisioner(RunContext run, ClusterSpec spec, HostCredentials credentials, Timeline timeline) {
        this.run = run;
        this.spec = spec;
        this.credentials = credentials;
        this.timeline = timeline;
        this.access = new GuestAccess(run, spec);
        this.replacements = new Replacements(run, spec.host(), run.ctx().replacements());
    }

    NestedCluster provision() {
        try {
            Validated validated = new ValidatePhase(run, spec, credentials).run();
            run.footprint().clonesStarted();
            List<IdentifiedGuest> guests = new ParallelGuests(
                            run, spec.timeouts().command())
                    .buildAll(GuestSlot.of(spec.nodeNames()), slot -> guest(validated, slot));
            ClusteredGuests clustered = new ClusterPhase(run, spec, access, guests).run();
            return new ReadyPhase(run, spec, timeline).run(clustered);
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
        ClonedGuest cloned = new ClonePhase(run, spec, validated, slot).run();
        BootedGuest booted = new BootPhase(run, spec, validated).run(cloned);
        ReachableGuest reachable = new ReachPhase(run, spec, validated, access).run(booted);
        return new IdentifyPhase(run, spec, validated, access).run(reachable);
    }
}
