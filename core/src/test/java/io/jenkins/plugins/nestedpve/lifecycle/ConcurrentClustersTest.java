package io.jenkins.plugins.nestedpve.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.cluster.NestedNode;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import io.jenkins.plugins.nestedpve.provision.Provisioning;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConcurrentClustersTest {
    @Test
    void fiveClustersAtOnceGetDistinctVmidsNamesAndAddressesAndAllTearDown() {
        try (SimLab lab = new SimLab(SimLab.simulator(0.002).start())) {
            List<Provisioning> running = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                running.add(lab.engine.start(lab.spec(2).build(), lab.token(), lab.guest(), ProgressListener.NOOP));
            }
            List<NestedCluster> clusters =
                    running.stream().map(Provisioning::await).toList();
            List<NestedNode> nodes =
                    clusters.stream().flatMap(c -> c.nodes().stream()).toList();

            assertThat(nodes).hasSize(10);
            assertThat(nodes).extracting(NestedNode::vmid).doesNotHaveDuplicates();
            assertThat(nodes).extracting(NestedNode::name).doesNotHaveDuplicates();
            assertThat(nodes).extracting(NestedNode::address).doesNotHaveDuplicates();
            assertThat(nodes).extracting(NestedNode::apiFingerprint).doesNotHaveDuplicates();
            assertThat(clusters).extracting(NestedCluster::lease).doesNotHaveDuplicates();
            assertThat(lab.ourVms()).hasSize(10);

            for (NestedCluster c : clusters) {
                assertThat(lab.engine
                                .teardown(c, lab.token(), ProgressListener.NOOP)
                                .ok())
                        .isTrue();
            }
            assertThat(lab.guestVms()).isEmpty();
            assertThat(lab.ledger.live()).isEmpty();
            assertThat(lab.engine.activeLeases()).isEmpty();
        }
    }
}
