package io.jenkins.plugins.nestedpve.provision;

import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.cluster.NestedNode;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.events.Timeline;
import io.jenkins.plugins.nestedpve.host.GuestNesting;
import io.jenkins.plugins.nestedpve.host.NestingMode;
import io.jenkins.plugins.nestedpve.host.NestingPolicy;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import java.util.List;
import java.util.Objects;

/**
 * The last phases (SMOKE_CHECK, then READY), giving the {@link NestedCluster}: with {@code
 * smokeCheck}, a small VM (and with {@code smokeCheckContainer} a container) is started and
 * destroyed inside the first guest, proving nested virtualization works; then the result is put
 * together from the guests, their nesting and the timeline so far.
 */
final class ReadyPhase {
    private final RunContext run;
    private final ClusterSpec spec;
    private final Timeline timeline;

    ReadyPhase(RunContext run, ClusterSpec spec, Timeline timeline) {
        this.run = run;
        this.spec = spec;
        this.timeline = timeline;
    }

    NestedCluster run(ClusteredGuests clustered) {
        IdentifiedGuest first = clustered.first();
        NestingMode nesting = nestingMode(clustered.guests());
        if (spec.smokeCheck()) {
            run.phases().run(Phase.SMOKE_CHECK, first.name(), () -> new SmokeCheck(run, spec, first).run(nesting));
        } else {
            run.phases().skip(Phase.SMOKE_CHECK, first.name());
        }
        return run.phases().run(Phase.READY, null, () -> ready(clustered, nesting));
    }

    /** Hardware only when every guest has it; unknown when not checked. */
    private NestingMode nestingMode(List<IdentifiedGuest> guests) {
        if (spec.nesting() == NestingPolicy.SKIP) {
            return NestingMode.UNKNOWN;
        }
        List<NestingMode> modes = guests.stream()
                .map(IdentifiedGuest::nesting)
                .filter(Objects::nonNull)
                .map(GuestNesting::mode)
                .toList();
        return modes.contains(NestingMode.EMULATED) || modes.isEmpty() ? NestingMode.EMULATED : NestingMode.HARDWARE;
    }

    private NestedCluster ready(ClusteredGuests clustered, NestingMode nesting) {
        List<NestedNode> nodes = clustered.guests().stream()
                .map(g -> g.toNestedNode(spec.guestApiPort(), spec.guestSshPort()))
                .toList();
        String version = clustered.first().api().version().version();
        NestedCluster cluster = new NestedCluster(
                spec.clusterName(),
                nodes,
                nesting,
                version,
                run.lease(),
                spec.host(),
                timeline.timings(),
                run.ctx().clock().instant(),
                null);
        run.info("cluster " + cluster.name() + " is ready: " + nodes.size() + " node(s), nesting "
                + cluster.nesting().label() + ", PVE " + version);
        return cluster;
    }
}
