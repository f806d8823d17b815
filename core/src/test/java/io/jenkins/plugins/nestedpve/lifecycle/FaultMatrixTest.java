package io.jenkins.plugins.nestedpve.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.provision.ProvisioningException;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.spec.ClusterSpecBuilder;
import io.jenkins.plugins.nestedpve.spec.SpecValidationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A failure injected in each phase leaves zero VMs of ours on the host, and the error names the
 * phase, the node and the cause. Faults are targeted (consumed by the one operation they hit), so
 * the cases share one simulator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultMatrixTest {
    private SimLab lab;

    @BeforeAll
    void start() {
        lab = new SimLab(SimLab.simulator(0.002).start());
    }

    @AfterAll
    void stop() {
        lab.close();
    }

    @AfterEach
    void noVmOfOursIsLeft() {
        assertThat(lab.ourVms()).isEmpty();
        assertThat(lab.guestVms()).isEmpty();
        assertThat(lab.ledger.live()).isEmpty();
    }

    static Stream<Arguments> faults() {
        return FaultCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void failureLeavesNothingAndNamesPhaseNodeAndCause(FaultCases.Fault fault) {
        ClusterSpecBuilder builder = lab.spec(fault.nodes());
        FaultCases.Injection injection = fault.setup().apply(lab, builder);
        ClusterSpec spec = builder.build();

        ProvisioningException e = catchThrowableOfType(
                ProvisioningException.class,
                () -> lab.engine.provision(spec, lab.token(), injection.guest(), injection.hook()));

        assertThat(e).isNotNull();
        assertThat(e.phase()).isEqualTo(fault.phase());
        assertThat(e.cancelled()).isFalse();
        assertThat(e.getMessage()).startsWith("phase " + fault.phase().name()).contains(fault.cause());
        switch (fault.who()) {
            case NONE -> assertThat(e.node()).isEmpty();
            case ANY_NODE -> assertThat(spec.nodeNames()).contains(e.node().orElseThrow());
            case FIRST -> assertThat(e.node()).contains(spec.nodeName(1));
            case SECOND -> assertThat(e.node()).contains(spec.nodeName(2));
            case THIRD -> assertThat(e.node()).contains(spec.nodeName(3));
        }
        e.node()
                .ifPresent(n -> assertThat(e.getMessage())
                        .startsWith("phase " + fault.phase().name() + ", node " + n + ": "));
        assertThat(e.getSuppressed()).isEmpty();
        if (fault.phase() == Phase.VALIDATE) {
            assertThat(e.getCause()).isInstanceOf(SpecValidationException.class);
            assertThat(((SpecValidationException) e.getCause()).problems()).hasSize(2);
        }
    }

    /** An interrupt of the thread working on {@code phase} (of node {@code index}, 0 = cluster-wide). */
    record Interrupt(Phase phase, int nodes, int index, boolean hostSsh) {}

    static Stream<Arguments> interrupts() {
        return Stream.of(
                        new Interrupt(Phase.VALIDATE, 1, 0, false),
                        new Interrupt(Phase.PREFLIGHT, 1, 0, true),
                        new Interrupt(Phase.CLONE, 2, 1, false),
                        new Interrupt(Phase.CONFIGURE, 2, 1, false),
                        new Interrupt(Phase.START, 2, 2, false),
                        new Interrupt(Phase.ADDRESS, 2, 1, false),
                        new Interrupt(Phase.SSH, 2, 2, false),
                        new Interrupt(Phase.IDENTITY, 2, 1, false),
                        new Interrupt(Phase.NESTING_CHECK, 1, 1, false),
                        new Interrupt(Phase.CLUSTER_CREATE, 2, 1, false),
                        new Interrupt(Phase.JOIN, 2, 2, false),
                        new Interrupt(Phase.JOIN, 3, 3, false),
                        new Interrupt(Phase.QUORUM, 2, 0, false),
                        new Interrupt(Phase.SMOKE_CHECK, 1, 1, false),
                        new Interrupt(Phase.READY, 1, 0, false))
                .map(i -> arguments(named(i.phase() + (i.index() == 0 ? "" : " of node " + i.index()), i)));
    }

    @ParameterizedTest(name = "interrupt in {0}")
    @MethodSource("interrupts")
    void interruptLeavesNothingAndNamesThePhase(Interrupt interrupt) {
        ClusterSpecBuilder builder = lab.spec(interrupt.nodes());
        if (interrupt.hostSsh()) {
            builder.host(lab.hostWithSsh());
        }
        ClusterSpec spec = builder.build();
        String node = interrupt.index() == 0 ? null : spec.nodeName(interrupt.index());
        PhaseHook hook = new PhaseHook(
                interrupt.phase(), node, () -> Thread.currentThread().interrupt());

        ProvisioningException e = catchThrowableOfType(
                ProvisioningException.class, () -> lab.engine.provision(spec, lab.tokenAndSsh(), lab.guest(), hook));

        assertThat(hook.fired()).isTrue();
        assertThat(e).isNotNull();
        assertThat(e.phase()).isEqualTo(interrupt.phase());
        assertThat(e.node()).isEqualTo(java.util.Optional.ofNullable(node));
        assertThat(e.cancelled()).as(e.toString()).isTrue();
        assertThat(e.getMessage()).contains("provisioning was cancelled");
        assertThat(e.getSuppressed()).isEmpty();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
}
