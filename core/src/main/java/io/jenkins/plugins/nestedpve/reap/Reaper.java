package io.jenkins.plugins.nestedpve.reap;

import io.jenkins.plugins.nestedpve.cluster.OwnershipMarker;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import io.jenkins.plugins.nestedpve.lifecycle.EngineContext;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.PveNotFoundException;
import io.jenkins.plugins.nestedpve.pve.VmResource;
import io.jenkins.plugins.nestedpve.reap.ReapReport.Decision;
import io.jenkins.plugins.nestedpve.spec.HostRef;
import io.jenkins.plugins.nestedpve.teardown.OwnershipCheck;
import io.jenkins.plugins.nestedpve.teardown.Teardown;
import io.jenkins.plugins.nestedpve.teardown.TeardownReport;
import io.jenkins.plugins.nestedpve.wait.Deadline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sweeps one physical host for guests this installation left behind: lists the VMs ({@code
 * /cluster/resources}), reads each config's ownership marker and destroys those of this installation
 * that are expired (keep-on-failure) or orphaned (lease unknown to the {@link LeaseOracle}) within the
 * {@link ReapScope}. Only a tagged VM inside the scope's VMID range whose signed marker verifies
 * ({@link OwnershipCheck}) is ever destroyed; {@link Teardown} checks the marker once more before
 * destroying (the confirm below runs only on a marker Teardown found to be ours).
 */
public final class Reaper {
    private final EngineContext ctx;
    private final PveClient host;
    private final HostRef hostRef;
    private final Set<String> activeLeases;
    private final ProgressListener listener;

    /**
     * @param host a client of the physical host (token)
     * @param activeLeases leases being provisioned right now by this process: never reaped
     */
    public Reaper(
            EngineContext ctx, PveClient host, HostRef hostRef, Set<String> activeLeases, ProgressListener listener) {
        this.ctx = ctx;
        this.host = host;
        this.hostRef = hostRef;
        this.activeLeases = Set.copyOf(activeLeases);
        this.listener = ProgressListener.safe(listener);
    }

    /**
     * Examines every VM of the host and destroys what {@code scope} allows.
     *
     * @param teardownTimeout bound for destroying the reaped VMs
     */
    public ReapReport reap(ReapScope scope, Duration teardownTimeout) {
        OwnershipCheck ownership = OwnershipCheck.of(ctx, scope.vmids());
        List<Decision> reaped = new ArrayList<>();
        List<Decision> kept = new ArrayList<>();
        int examined = 0;
        int foreign = 0;
        for (VmResource v : host.vmResources()) {
            // every node of the host's cluster: guests may be placed on any of them
            if (!v.isQemu() || v.template()) {
                continue;
            }
            examined++;
            Optional<OwnershipMarker> marker = marker(v);
            OwnershipCheck.Trust trust = ownership.check(v.vmid(), marker, v.tags(), false);
            if (trust == OwnershipCheck.Trust.NO_MARKER || trust == OwnershipCheck.Trust.OTHER_INSTALLATION) {
                foreign++;
                continue;
            }
            ReapRules.decide(v.vmid(), marker.get(), trust, scope, activeLeases, ctx.clock())
                    .ifPresent(vd -> (vd.reap() ? reaped : kept).add(vd.decision()));
        }
        // teardown re-reads each marker; the same rules must still say "reap" on what it reads then
        List<Teardown.Target> targets = reaped.stream()
                .map(d -> new Teardown.Target(d.vmid(), null, m -> stillReap(d, m, scope)))
                .toList();
        TeardownReport report = targets.isEmpty()
                ? TeardownReport.empty()
                : new Teardown(ctx, host, hostRef, scope.vmids(), listener)
                        .destroy(targets, null, Deadline.after(ctx.clock(), teardownTimeout));
        return new ReapReport(
                examined, foreign, reaped, kept, report, UnmarkedVms.find(ctx.ledger(), host, hostRef, ownership));
    }

    private boolean stillReap(Decision decided, OwnershipMarker now, ReapScope scope) {
        return now.lease().equals(decided.lease())
                && ReapRules.decide(decided.vmid(), now, OwnershipCheck.Trust.OURS, scope, activeLeases, ctx.clock())
                        .map(ReapRules.Verdict::reap)
                        .orElse(false);
    }

    private Optional<OwnershipMarker> marker(VmResource v) {
        try {
            return OwnershipMarker.parse(
                    host.vmConfig(v.node(), v.vmid()).description().orElse(null));
        } catch (PveNotFoundException e) {
            return Optional.empty();
        }
    }
}
