package io.jenkins.plugins.nestedpve.upgrade;

import io.jenkins.plugins.nestedpve.NestedPveException;
import io.jenkins.plugins.nestedpve.events.Outcome;
import io.jenkins.plugins.nestedpve.pve.ClusterStatus;
import io.jenkins.plugins.nestedpve.pve.PveInterruptedException;
import java.util.List;
import java.util.Optional;

/** Step 7: the cluster quorate with every node online ({@code GET /cluster/status}). */
final class ClusterHealth {
    private ClusterHealth() {}

    static Outcome await(Trial t, String node, StepLog log) throws InterruptedException {
        if (!t.cluster().clustered()) {
            t.polls().until(node, "the PVE API should answer", t.timeouts().quorum(), () -> answers(t));
            log.note("a one-node cluster has no quorum to wait for; its API answers");
            return Outcome.SUCCEEDED;
        }
        ClusterStatus cs = t.polls()
                .until(
                        node,
                        "the cluster should be quorate with every node online",
                        t.timeouts().quorum(),
                        () -> healthy(t));
        log.note("quorate, online: " + String.join(" ", cs.onlineNodes()));
        return Outcome.SUCCEEDED;
    }

    private static Optional<ClusterStatus> healthy(Trial t) throws InterruptedException {
        try {
            ClusterStatus cs = t.nodes().api().clusterStatus();
            List<String> names = t.nodes().names();
            return cs.quorate() && cs.onlineNodes().containsAll(names) ? Optional.of(cs) : Optional.empty();
        } catch (PveInterruptedException e) {
            throw Polls.interrupted(e);
        } catch (NestedPveException e) {
            return Optional.empty();
        }
    }

    private static Optional<Boolean> answers(Trial t) throws InterruptedException {
        try {
            t.nodes().api().version();
            return Optional.of(true);
        } catch (PveInterruptedException e) {
            throw Polls.interrupted(e);
        } catch (NestedPveException e) {
            return Optional.empty();
        }
    }
}
