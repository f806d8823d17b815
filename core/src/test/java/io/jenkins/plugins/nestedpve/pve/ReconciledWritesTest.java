package io.jenkins.plugins.nestedpve.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.pve.testsupport.SchemaAudit;
import io.jenkins.plugins.nestedpve.pve.testsupport.SimClients;
import io.jenkins.plugins.nestedpve.sim.Simulator;
import io.jenkins.plugins.nestedpve.wait.Deadline;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A start whose outcome was unknown, or whose task failed, is decided by the VM's state, not re-sent blindly. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReconciledWritesTest {
    private final AtomicInteger nextVmid = new AtomicInteger(500);
    private final List<String> decisions = new CopyOnWriteArrayList<>();
    private Simulator sim;
    private PveClient pve;
    private String node;

    @BeforeAll
    void start() {
        sim = Simulator.builder().latencyScale(0.001).ssh(false).start();
        pve = SimClients.token(sim);
        node = sim.hostNode();
    }

    @AfterAll
    void stop() {
        try {
            assertThat(SchemaAudit.violations(sim, "9.1")).isEmpty();
        } finally {
            pve.close();
            sim.close();
        }
    }

    private ReconciledWrites writes(int maxResends) {
        decisions.clear();
        return new ReconciledWrites(
                pve,
                maxResends,
                (request, tookEffect, why) ->
                        decisions.add(request + (tookEffect ? ": had taken effect" : ": resent")));
    }

    private int newClone() throws InterruptedException {
        int id = nextVmid.getAndIncrement();
        pve.tasks()
                .await(pve.cloneVm(
                        node, sim.template().vmid(), CloneRequest.builder(id).build()));
        return id;
    }

    private static Deadline deadline() {
        return Deadline.after(Clock.systemUTC(), Duration.ofSeconds(30));
    }

    private long startsSent(int vmid) {
        return sim.requestLog().entries().stream()
                .filter(e -> e.method().equals("POST") && e.path().endsWith("/qemu/" + vmid + "/status/start"))
                .count();
    }

    @Test
    void a503BeforeTheStartRanIsResentOnceTheVmIsSeenStopped() throws Exception {
        int vmid = newClone();
        sim.faults().failApiCall("POST", "/qemu/" + vmid + "/status/start", 503, "Service Unavailable\n", false);

        writes(2).startVm(node, vmid, deadline());

        assertThat(pve.vmStatus(node, vmid).running()).isTrue();
        assertThat(decisions).containsExactly("start of VM " + vmid + ": resent");
        assertThat(startsSent(vmid)).isEqualTo(2);
    }

    @Test
    void a503AfterTheStartRanIsNotResent() throws Exception {
        int vmid = newClone();
        sim.faults().failApiCall("POST", "/qemu/" + vmid + "/status/start", 503, "Service Unavailable\n", true);

        writes(2).startVm(node, vmid, deadline());

        assertThat(pve.vmStatus(node, vmid).running()).isTrue();
        assertThat(decisions).containsExactly("start of VM " + vmid + ": had taken effect");
        assertThat(startsSent(vmid)).isEqualTo(1);
    }

    @Test
    void aFailedStartTaskIsAKnownOutcomeAndIsSentAgain() throws Exception {
        int vmid = newClone();
        sim.faults().failNextTask("qmstart");

        writes(2).startVm(node, vmid, deadline());

        assertThat(pve.vmStatus(node, vmid).running()).isTrue();
        assertThat(decisions).containsExactly("start of VM " + vmid + ": resent");
    }

    @Test
    void withoutResendsLeftTheFailureIsReported() throws Exception {
        int vmid = newClone();
        sim.faults().failNextTask("qmstart");

        assertThatThrownBy(() -> writes(0).startVm(node, vmid, deadline())).isInstanceOf(TaskFailedException.class);
        assertThat(pve.vmStatus(node, vmid).running()).isFalse();
    }

    private long sent(String method, String pathEnd) {
        return sim.requestLog().entries().stream()
                .filter(e -> e.method().equals(method) && e.path().endsWith(pathEnd))
                .count();
    }

    private boolean agentAnswers(int vmid) {
        try {
            return pve.agentPing(node, vmid);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void configChange(int vmid, String digestBefore) throws InterruptedException {
        writes(2).updateVmConfig(node, vmid, java.util.Map.of("cores", 3), digestBefore, deadline(), upid -> {});
    }

    @Test
    void aConfigChangeWhose503CameBeforeItRanIsSentAgain() throws Exception {
        int vmid = newClone();
        String before = pve.vmConfig(node, vmid).digest().orElseThrow();
        sim.faults().failApiCall("POST", "/qemu/" + vmid + "/config", 503, "Service Unavailable\n", false);

        configChange(vmid, before);

        assertThat(pve.vmConfig(node, vmid).cores()).hasValue(3);
        assertThat(decisions).containsExactly("config change of VM " + vmid + ": resent");
        assertThat(sent("POST", "/qemu/" + vmid + "/config")).isEqualTo(2);
    }

    @Test
    void aConfigChangeWhose503CameAfterItRanIsNotSentAgain() throws Exception {
        int vmid = newClone();
        String before = pve.vmConfig(node, vmid).digest().orElseThrow();
        sim.faults().failApiCall("POST", "/qemu/" + vmid + "/config", 503, "Service Unavailable\n", true);

        configChange(vmid, before);

        assertThat(pve.vmConfig(node, vmid).cores()).hasValue(3);
        assertThat(decisions).containsExactly("config change of VM " + vmid + ": had taken effect");
        assertThat(sent("POST", "/qemu/" + vmid + "/config")).isEqualTo(1);
    }

    @Test
    void aReRunnableAgentExecIsSentAgainAfterA503() throws Exception {
        int vmid = newClone();
        writes(0).startVm(node, vmid, deadline());
        sim.await(() -> agentAnswers(vmid), Duration.ofSeconds(30), "the guest agent of " + vmid);
        sim.faults().failApiCall("POST", "/qemu/" + vmid + "/agent/exec", 503, "Service Unavailable\n", false);

        int pid = writes(2).agentExecRerunnable(node, vmid, List.of("/bin/true"), null);

        assertThat(pid).isPositive();
        assertThat(decisions).containsExactly("guest agent exec of /bin/true in VM " + vmid + ": resent");
        assertThat(sent("POST", "/qemu/" + vmid + "/agent/exec")).isEqualTo(2);
    }
}
