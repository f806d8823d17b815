package io.jenkins.plugins.nestedpve.provision;

import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * The cluster phase, giving {@link ClusteredGuests}, pipelined with the guests still being built: the
 * cluster is created on node 1 as soon as node 1 is identified, and every other node joins as soon as
 * it is identified, in the order the nodes become ready — ONE AT A TIME, as PVE requires (pve-facts
 * §5.1); the quorum check with every node online comes at the end. A join that fails is healed ({@link
 * JoinHealing}: the half-joined node is removed from the cluster and replaced by a fresh clone, which
 * joins when it is ready). The result lists the guests in the spec's node order.
 */
final class ClusterPhase {
    /** Where the identified guests come from, in the order they become ready. */
    interface ReadyGuests {
        /** The next guest identified; throws the failure of a guest that could not be built. */
        IdentifiedGuest next();

        /** Builds {@code slot} again (a replacement); it comes out of {@link #next} when identified. */
        void rebuild(GuestSlot slot);
    }

    private final RunContext run;
    private final ClusterSpec spec;
    private final GuestAccess access;
    private final ReadyGuests source;
    private final JoinHealing healing;
    private final Deque<IdentifiedGuest> waiting = new ArrayDeque<>();

    ClusterPhase(RunContext run, ClusterSpec spec, GuestAccess access, ReadyGuests source, JoinHealing healing) {
        this.run = run;
        this.spec = spec;
        this.access = access;
        this.source = source;
        this.healing = healing;
    }

    ClusteredGuests run() {
        PhaseRunner p = run.phases();
        IdentifiedGuest first = nodeOne();
        if (!spec.clustered()) {
            List<IdentifiedGuest> all = new ArrayList<>(waiting);
            all.add(first);
            while (all.size() < spec.nodes()) {
                all.add(source.next());
            }
            p.skip(Phase.CLUSTER_CREATE, first.name());
            p.skip(Phase.QUORUM, null);
            return inNodeOrder(all);
        }
        ClusterMembership membership = new ClusterMembership(run, spec, access, first);
        p.run(Phase.CLUSTER_CREATE, first.name(), membership::create);
        List<IdentifiedGuest> joined = new ArrayList<>(List.of(first));
        while (joined.size() < spec.nodes()) {
            IdentifiedGuest n = nextReady();
            try {
                joined.add(p.run(Phase.JOIN, n.name(), () -> membership.join(n, joined)));
            } catch (ProvisioningException e) {
                healing.heal(n, first, joined.size(), e);
                source.rebuild(n.slot());
            }
        }
        List<String> names = ClusterMembership.names(joined);
        p.run(
                Phase.QUORUM,
                null,
                () -> membership.awaitQuorum(names, run.deadline(spec.timeouts().quorum())));
        return inNodeOrder(joined);
    }

    /** The guests in the spec's node order, as users see them. */
    private static ClusteredGuests inNodeOrder(List<IdentifiedGuest> guests) {
        return new ClusteredGuests(guests.stream()
                .sorted(Comparator.comparingInt(g -> g.slot().index()))
                .toList());
    }

    /** Waits for node 1; the guests ready before it wait for their join in the order they came. */
    private IdentifiedGuest nodeOne() {
        while (true) {
            IdentifiedGuest g = source.next();
            if (g.slot().index() == 1) {
                return g;
            }
            waiting.add(g);
        }
    }

    private IdentifiedGuest nextReady() {
        IdentifiedGuest g = waiting.poll();
        return g != null ? g : source.next();
    }
}
