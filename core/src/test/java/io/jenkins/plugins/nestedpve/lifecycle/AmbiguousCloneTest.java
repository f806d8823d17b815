package io.jenkins.plugins.nestedpve.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.events.Timeline;
import io.jenkins.plugins.nestedpve.sim.FaultPlan;
import io.jenkins.plugins.nestedpve.sim.http.LogEntry;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A clone POST whose outcome the client cannot know (a gateway error or a dropped connection, after
 * or before PVE acted on it) is never sent again for that VMID: the engine re-reads the host and
 * adopts the VM carrying its marker, or moves on; teardown leaves nothing (pve-facts §3.11).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AmbiguousCloneTest {
    private SimLab lab;
    private Timeline events;

    @BeforeAll
    void start() {
        lab = new SimLab(SimLab.simulator(0.002).start());
    }

    @AfterAll
    void stop() {
        lab.close();
    }

    @AfterEach
    void nothingLeft() {
        assertThat(lab.guestVms()).isEmpty();
        assertThat(lab.ledger.live()).isEmpty();
    }

    private NestedCluster provisionAndTearDown(int low) {
        events = new Timeline(lab.ctx.clock());
        NestedCluster cluster =
                lab.engine.provision(lab.spec(1).vmidRange(low, low + 9).build(), lab.token(), lab.guest(), events);
        assertThat(lab.engine.teardown(cluster, lab.token(), events).ok()).isTrue();
        return cluster;
    }

    private void failCloneOnce(int status, boolean afterHandler) {
        String clone = "/qemu/" + lab.sim.template().vmid() + "/clone$";
        lab.sim.faults().failApiCall("POST", clone, status, "Bad Gateway\n", afterHandler);
    }

    /** The clone POSTs that asked for {@code vmid}, as the host logged them. */
    private List<LogEntry> clonePosts(int vmid) {
        return lab.sim.requestLog().entries().stream()
                .filter(e -> e.method().equals("POST") && e.path().endsWith("/clone"))
                .filter(e -> String.valueOf(e.params().get("newid")).equals(Integer.toString(vmid)))
                .toList();
    }

    private List<String> messages() {
        return events.messages().stream().map(Timeline.MessageRecord::text).toList();
    }

    @Test
    void gatewayErrorAfterTheCloneStartedAdoptsTheVmCarryingOurMarker() {
        failCloneOnce(502, true);
        NestedCluster c = provisionAndTearDown(84000);
        assertThat(c.firstNode().vmid()).isEqualTo(84000);
        assertThat(clonePosts(84000)).extracting(LogEntry::status).containsExactly(502);
        assertThat(messages())
                .anySatisfy(m -> assertThat(m).contains("re-reading the host instead of sending it again"))
                .anySatisfy(m -> assertThat(m).contains("as VMID 84000 did take effect; continuing with it"));
    }

    @Test
    void droppedConnectionAfterTheCloneStartedAdoptsTheVmCarryingOurMarker() {
        failCloneOnce(FaultPlan.DROP_CONNECTION, true);
        NestedCluster c = provisionAndTearDown(84100);
        assertThat(c.firstNode().vmid()).isEqualTo(84100);
        assertThat(clonePosts(84100)).extracting(LogEntry::status).containsExactly(FaultPlan.DROP_CONNECTION);
        assertThat(messages()).anySatisfy(m -> assertThat(m).contains("as VMID 84100 did take effect"));
    }

    @Test
    void gatewayErrorBeforeTheCloneRanMovesOnToTheNextVmidWithoutResending() {
        failCloneOnce(503, false);
        NestedCluster c = provisionAndTearDown(84200);
        assertThat(c.firstNode().vmid()).isEqualTo(84201);
        assertThat(clonePosts(84200)).extracting(LogEntry::status).containsExactly(503);
        assertThat(clonePosts(84201)).extracting(LogEntry::status).containsExactly(200);
        assertThat(lab.sim.vm(84200)).isEmpty();
    }
}
