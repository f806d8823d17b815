package io.jenkins.plugins.nestedpve.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.sim.SimClient.Response;
import io.jenkins.plugins.nestedpve.sim.model.SimVm;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** A transient fault: the guest's agent answers, but only a boot time after its OS is up. */
class AgentLateTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aLateAgentIsDownWhenTheGuestIsUpAndAnswersLater() throws Exception {
        FaultPlan late = FaultPlan.builder().rate(FaultPlan.Kind.AGENT_LATE, 1).build();
        try (Simulator sim =
                Simulator.builder().latencyScale(0.05).ssh(false).faults(late).start()) {
            SimClient api = SimClient.token(sim);
            String node = sim.hostNode();
            Response c = api.post("/nodes/" + node + "/qemu/9000/clone", Map.of("newid", "811"));
            assertThat(sim.awaitTask(c.data().asText(), WAIT)).isEqualTo("OK");
            Response s = api.post("/nodes/" + node + "/qemu/811/status/start", Map.of());
            assertThat(sim.awaitTask(s.data().asText(), WAIT)).isEqualTo("OK");
            SimVm vm = sim.vm(811).orElseThrow();
            assertThat(waitUntil(() -> vm.guest() != null && vm.guest().isUp()))
                    .as("guest OS up")
                    .isTrue();

            assertThat(vm.agentUp()).as("agent right after the OS is up").isFalse();
            assertThat(waitUntil(vm::agentUp)).as("agent a boot time later").isTrue();
            assertThat(sim.awaitGuest(811, WAIT).isUp()).isTrue();
        }
    }

    private static boolean waitUntil(BooleanSupplier condition) {
        Instant until = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean() && Instant.now().isBefore(until)) {
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
        return condition.getAsBoolean();
    }
}
