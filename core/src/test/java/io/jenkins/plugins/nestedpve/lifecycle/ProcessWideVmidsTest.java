package io.jenkins.plugins.nestedpve.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.cluster.NestedNode;
import io.jenkins.plugins.nestedpve.engine.NestedPveEngine;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import io.jenkins.plugins.nestedpve.events.Timeline;
import io.jenkins.plugins.nestedpve.provision.Provisioning;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Engines of one process share their VMID claims; a teardown destroys its VMs in parallel. */
class ProcessWideVmidsTest {
    @Test
    void twoEnginesOfOneProcessNeverCloneOntoTheSameVmid() {
        try (SimLab lab = new SimLab(SimLab.simulator(0.002).start())) {
            NestedPveEngine second = new NestedPveEngine(lab.ctx);
            Timeline events = new Timeline(Clock.systemUTC());
            List<Provisioning> running = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                running.add(lab.engine.start(lab.spec(2).build(), lab.token(), lab.guest(), events));
                running.add(second.start(lab.spec(2).build(), lab.token(), lab.guest(), events));
            }
            List<NestedCluster> clusters =
                    running.stream().map(Provisioning::await).toList();

            assertThat(clusters.stream().flatMap(c -> c.nodes().stream()))
                    .extracting(NestedNode::vmid)
                    .doesNotHaveDuplicates();
            assertThat(events.messages())
                    .extracting(Timeline.MessageRecord::text)
                    .noneMatch(m -> m.contains("taken meanwhile")
                            || m.contains("another caller")
                            || m.contains("lock timeout"));
            clusters.forEach(c -> lab.engine.teardown(c, lab.token(), ProgressListener.NOOP));
            assertThat(lab.guestVms()).isEmpty();
        }
    }

    @Test
    void teardownDestroysTheNodesAtTheSameTime() {
        try (SimLab lab = new SimLab(SimLab.simulator(0.02).start())) {
            NestedCluster cluster =
                    lab.engine.provision(lab.spec(3).build(), lab.token(), lab.guest(), ProgressListener.NOOP);
            Timeline events = new Timeline(Clock.systemUTC());

            assertThat(lab.engine.teardown(cluster, lab.token(), events).ok()).isTrue();

            List<Timeline.PhaseRecord> teardown = events.phases().stream()
                    .filter(p -> p.phase() == Phase.TEARDOWN)
                    .toList();
            assertThat(teardown).hasSize(3);
            Instant lastStart = teardown.stream()
                    .map(Timeline.PhaseRecord::started)
                    .max(Instant::compareTo)
                    .orElseThrow();
            Instant firstEnd = teardown.stream()
                    .map(p -> p.endedOr(Instant.MAX))
                    .min(Instant::compareTo)
                    .orElseThrow();
            assertThat(lastStart).isBefore(firstEnd);
            assertThat(lab.guestVms()).isEmpty();
        }
    }
}
