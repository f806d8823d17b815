package io.jenkins.plugins.nestedpve.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.sim.http.LogEntry;
import io.jenkins.plugins.nestedpve.teardown.Teardown;
import io.jenkins.plugins.nestedpve.teardown.TeardownReport;
import io.jenkins.plugins.nestedpve.wait.Deadline;
import io.jenkins.plugins.nestedpve.wait.WaitTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The requests of a teardown: only what PVE needs between the ownership check and the VM being gone. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeardownPathTest {
    private SimLab lab;
    private PveClient host;

    @BeforeAll
    void start() {
        lab = new SimLab(SimLab.simulator(0.002).start());
        host = lab.hostClient();
    }

    @AfterAll
    void stop() {
        host.close();
        lab.close();
    }

    @Test
    void aRunningGuestIsStoppedWithoutReadingItsStatusFirst() {
        NestedCluster cluster =
                lab.engine.provision(lab.spec(1).build(), lab.token(), lab.guest(), ProgressListener.NOOP);
        int vmid = cluster.firstNode().vmid();
        int before = lab.sim.requestLog().entries().size();

        TeardownReport report = lab.engine.teardown(cluster, lab.token(), ProgressListener.NOOP);

        assertThat(report.count(TeardownReport.Result.DESTROYED)).isEqualTo(1);
        List<String> calls = since(before);
        assertThat(calls).noneMatch(c -> c.endsWith("/qemu/" + vmid + "/status/current"));
        String vm = "/nodes/" + lab.sim.hostNode() + "/qemu/" + vmid;
        assertThat(calls).contains("POST " + vm + "/status/stop", "DELETE " + vm);
    }

    @Test
    void aStoppedGuestIsDestroyedToo() throws Exception {
        NestedCluster cluster =
                lab.engine.provision(lab.spec(1).build(), lab.token(), lab.guest(), ProgressListener.NOOP);
        int vmid = cluster.firstNode().vmid();
        host.tasks().await(host.stopVm(lab.sim.hostNode(), vmid));

        TeardownReport report = lab.engine.teardown(cluster, lab.token(), ProgressListener.NOOP);

        assertThat(report.count(TeardownReport.Result.DESTROYED)).isEqualTo(1);
        assertThat(lab.sim.vm(vmid)).isEmpty();
    }

    @Test
    void theKnownGuestsAreDestroyedWhileTheSearchForMoreStillRuns() {
        NestedCluster cluster =
                lab.engine.provision(lab.spec(1).build(), lab.token(), lab.guest(), ProgressListener.NOOP);
        int vmid = cluster.firstNode().vmid();
        AtomicBoolean goneDuringSearch = new AtomicBoolean();

        TeardownReport report = new Teardown(lab.engine.context(), host, lab.host(), ProgressListener.NOOP)
                .destroy(
                        List.of(new Teardown.Target(vmid, cluster.firstNode().name())),
                        () -> {
                            // a search that ends only once the known VM is gone (or after 20 s)
                            goneDuringSearch.set(gone(vmid));
                            return List.of(new Teardown.Target(
                                    vmid, cluster.firstNode().name()));
                        },
                        cluster.lease(),
                        Deadline.after(Clock.systemUTC(), Duration.ofSeconds(60)));

        assertThat(goneDuringSearch).isTrue();
        assertThat(report.vms()).as("a VMID found twice is handled once").hasSize(1);
        assertThat(report.count(TeardownReport.Result.DESTROYED)).isEqualTo(1);
    }

    private boolean gone(int vmid) {
        try {
            return lab.engine
                    .context()
                    .waiter()
                    .until(
                            "VM " + vmid + " should be gone",
                            Duration.ofSeconds(20),
                            SimLab.FAST,
                            () -> lab.sim.vm(vmid).isEmpty() ? Optional.of(true) : Optional.empty());
        } catch (WaitTimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private List<String> since(int before) {
        List<LogEntry> all = lab.sim.requestLog().entries();
        return all.subList(before, all.size()).stream()
                .map(e -> e.method() + " " + e.path())
                .toList();
    }
}
