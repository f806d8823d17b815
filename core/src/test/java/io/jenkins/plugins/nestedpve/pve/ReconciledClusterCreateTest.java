package io.jenkins.plugins.nestedpve.pve;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.pve.testsupport.SimClients;
import io.jenkins.plugins.nestedpve.sim.Simulator;
import io.jenkins.plugins.nestedpve.wait.Deadline;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A cluster create whose answer was a 503 is decided by the cluster status, not re-sent blindly. */
class ReconciledClusterCreateTest {
    private final List<String> decisions = new CopyOnWriteArrayList<>();
    private Simulator sim;
    private PveClient pve;

    @BeforeEach
    void start() {
        sim = Simulator.builder().latencyScale(0.001).ssh(false).start();
        pve = SimClients.rootTicket(sim);
    }

    @AfterEach
    void stop() {
        pve.close();
        sim.close();
    }

    private void create() throws InterruptedException {
        new ReconciledWrites(pve, 2, (request, tookEffect, why) -> decisions.add(tookEffect ? "took effect" : "resent"))
                .createCluster(
                        sim.hostNode(), "c1", Deadline.after(Clock.systemUTC(), Duration.ofSeconds(30)), upid -> {});
    }

    private long createsSent() {
        return sim.requestLog().entries().stream()
                .filter(e -> e.method().equals("POST") && e.path().endsWith("/cluster/config"))
                .count();
    }

    @Test
    void a503BeforeTheCreateRanIsSentAgain() throws Exception {
        sim.faults().failApiCall("POST", "/cluster/config$", 503, "Service Unavailable\n", false);

        create();

        assertThat(pve.clusterStatus().clusterEntry())
                .hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("c1"));
        assertThat(decisions).containsExactly("resent");
        assertThat(createsSent()).isEqualTo(2);
    }

    @Test
    void a503AfterTheCreateRanIsNotSentAgain() throws Exception {
        sim.faults().failApiCall("POST", "/cluster/config$", 503, "Service Unavailable\n", true);

        create();

        assertThat(pve.clusterStatus().clusterEntry()).isPresent();
        assertThat(decisions).containsExactly("took effect");
        assertThat(createsSent()).isEqualTo(1);
    }
}
