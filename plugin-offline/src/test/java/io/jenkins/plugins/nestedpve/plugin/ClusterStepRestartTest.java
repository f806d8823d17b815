package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.jenkins.plugins.nestedpve.ledger.LeaseState;
import io.jenkins.plugins.nestedpve.ledger.LedgerEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A controller restart in each stage of nestedPveCluster: the execution (with its callback and body contexts) is
 * written as program.dat would hold it and read back into new services on the same lease file, while the old
 * threads stay stuck as in a dead JVM. Also: the root password is in none of that state, nor in any toString, nor
 * in the log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterStepRestartTest {
    private static final int WAIT = ClusterFixture.WAIT_SECONDS;

    private ClusterFixture lab;

    @BeforeAll
    void start(@TempDir Path home) {
        lab = new ClusterFixture(home);
    }

    @AfterAll
    void stop() {
        lab.close();
    }

    @AfterEach
    void nothingIsLeftOnTheHost() {
        assertThat(lab.guests()).isEmpty();
        assertThat(lab.services.leases().live()).isEmpty();
    }

    @Test
    void aRestartWhileProvisioningDestroysTheRecordedGuestsAndFailsTheStep() throws Exception {
        GatedLedger dies = lab.gateAt(LedgerEntry.State.CREATED);
        ClusterFixture.Started s = lab.start(lab.step(1), body -> {
            throw new AssertionError("the body must not run");
        });
        dies.awaitHeld(); // the controller dies right after the first guest was recorded
        ProgramState saved = ProgramState.write(s.execution());
        lab.awaitGuests(1);

        Resumed r = resume(saved);
        r.execution().onResume();

        assertThat(r.context().failure(WAIT))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("Jenkins restarted while the step was provisioning")
                .hasNoSuppressedExceptions();
        assertThat(r.context().completions).hasValue(1);
        assertThat(lab.services
                        .leases()
                        .find(r.execution().leaseId())
                        .orElseThrow()
                        .state())
                .isEqualTo(LeaseState.RELEASED);
    }

    @Test
    void aCrashWhileProvisioningIsRecoveredFromTheStateSavedBeforeTheWorkStarted() throws Exception {
        GatedLedger dies = lab.gateAt(LedgerEntry.State.CREATED);
        FakeStepContext ctx = new FakeStepContext(lab.newRun(), new FakeListener(), body -> {
            throw new AssertionError("the body must not run");
        });
        ClusterStepExecution exec = new ClusterStepExecution(lab.step(1), ctx);
        exec.attach(lab.services, new TestBackground(lab.pool, ctx));
        ProgramState early = ProgramState.write(exec); // no later state is saved before the crash
        exec.start();
        dies.awaitHeld();
        lab.awaitGuests(1);

        Resumed r = resume(early);
        r.execution().onResume();

        assertThat(r.context().failure(WAIT))
                .hasMessageContaining("Jenkins restarted while the step was provisioning")
                .hasMessageContaining("its guests were cleaned up");
        assertThat(r.execution().leaseId()).isEqualTo(exec.leaseId());
        assertThat(lab.services.leases().find(exec.leaseId()).orElseThrow().state())
                .isEqualTo(LeaseState.RELEASED);
    }

    @Test
    void aCrashBeforeAnyLeaseWasOpenedSaysThatNothingWasCreated() throws Exception {
        FakeStepContext ctx = new FakeStepContext(lab.newRun(), new FakeListener(), body -> null);
        ClusterStepExecution exec = new ClusterStepExecution(lab.step(1), ctx);
        ProgramState early = ProgramState.write(exec);

        Resumed r = resume(early);
        r.execution().onResume();

        assertThat(r.context().failure(WAIT)).hasMessageContaining("no guest had been created yet");
        assertThat(lab.services.leases().find(exec.leaseId())).isEmpty();
    }

    @Test
    void aRestartDuringTheBodyResumesItAndTearsDownWhenItEnds() throws Exception {
        CountDownLatch bodyRuns = new CountDownLatch(1);
        ClusterFixture.Started s = lab.start(lab.step(1), body -> {
            bodyRuns.countDown();
            new CountDownLatch(1).await(); // this controller dies during the body
            return null;
        });
        assertThat(bodyRuns.await(WAIT, TimeUnit.SECONDS)).isTrue();
        FakeBodyInvoker invoker = s.body();
        ProgramState saved = programOf(s.execution(), invoker);

        Resumed r = resume(saved);
        r.execution().onResume();
        assertThat(r.context().outcome).isNotDone();
        assertThat(lab.guests()).hasSize(1);

        RecordingEnvVars env = new RecordingEnvVars();
        ((EnvironmentExpander) r.state()[2]).expand(env);
        assertThat(env.values).containsKey("NESTED_PVE_CLUSTER").doesNotContainKey("NESTED_PVE_ROOT_PASSWORD");
        NestedPveClusterContext cluster = (NestedPveClusterContext) r.state()[3];
        FakeStepContext shContext =
                new FakeStepContext(s.run(), new FakeListener(), null).with(NestedPveClusterContext.class, cluster);
        assertThatThrownBy(() -> new ShStepExecution(new NestedPveShStep("pveversion"), shContext, lab.services).run())
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("Jenkins has restarted since");

        ((BodyExecutionCallback) r.state()[1]).onSuccess(r.context(), "body result");

        assertThat(r.context().await(WAIT)).isEqualTo("body result");
        assertThat(r.context().completions).hasValue(1);
    }

    @Test
    void aRestartDuringTeardownFinishesItAndFailsTheStep() throws Exception {
        ClusterFixture.Started s = lab.start(lab.step(1), body -> null);
        s.bg().holdNext(); // the controller dies before the teardown it schedules when the body ends runs
        s.bg().awaitHeld();
        assertThat(s.execution().stage()).isEqualTo(ClusterStepExecution.Stage.TEARDOWN);
        ProgramState saved = ProgramState.write(s.execution());
        assertThat(lab.guests()).hasSize(1);

        Resumed r = resume(saved);
        r.execution().onResume();

        assertThat(r.context().failure(WAIT)).hasMessageContaining("Jenkins restarted while the step was tearing down");
        assertThat(lab.services
                        .leases()
                        .find(r.execution().leaseId())
                        .orElseThrow()
                        .state())
                .isEqualTo(LeaseState.RELEASED);
    }

    @Test
    void theRootPasswordIsMaskedInTheLogAndInNoSavedStateOrToString() throws Exception {
        CountDownLatch printed = new CountDownLatch(1);
        CountDownLatch saved = new CountDownLatch(1);
        List<String> password = new ArrayList<>();
        ClusterFixture.Started s = lab.start(lab.step(1), body -> {
            String pw = body.env().values.get("NESTED_PVE_ROOT_PASSWORD");
            password.add(pw);
            body.log().println("the password is " + pw + ".");
            printed.countDown();
            assertThat(saved.await(WAIT, TimeUnit.SECONDS)).isTrue();
            return null;
        });
        assertThat(printed.await(WAIT, TimeUnit.SECONDS)).isTrue();
        String pw = password.get(0);
        FakeBodyInvoker invoker = s.body();
        ProgramState state = programOf(s.execution(), invoker);
        List<Object> everything = new ArrayList<>(List.of(s.execution(), invoker.callback, lab.services));
        everything.addAll(invoker.contexts);
        saved.countDown();
        s.context().await(WAIT);

        assertThat(pw).hasSizeGreaterThanOrEqualTo(20);
        assertThat(state.size()).isGreaterThan(500);
        assertThat(state.contains(pw)).isFalse();
        assertThat(state.contains(s.execution().leaseId())).isTrue();
        assertThat(everything).allSatisfy(o -> assertThat(o.toString()).doesNotContain(pw));
        assertThat(s.log().text()).doesNotContain(pw).contains("the password is ****.");
        for (String other : List.of(lab.sim.tokenSecret(), lab.sim.guestRootPassword())) {
            assertThat(state.contains(other))
                    .as("the API token and the template's password")
                    .isFalse();
            assertThat(s.log().text()).doesNotContain(other);
            assertThat(everything).allSatisfy(o -> assertThat(o.toString()).doesNotContain(other));
        }
        assertThat(invoker.contexts)
                .filteredOn(EnvironmentExpander.class::isInstance)
                .singleElement()
                .satisfies(e -> assertThat(((EnvironmentExpander) e).getSensitiveVariables())
                        .containsExactly("NESTED_PVE_ROOT_PASSWORD"));
    }

    /** The execution, its body callback, the environment and the cluster context, as program.dat holds them. */
    private static ProgramState programOf(ClusterStepExecution execution, FakeBodyInvoker invoker) throws Exception {
        Object env = invoker.contexts.stream()
                .filter(EnvironmentExpander.class::isInstance)
                .findFirst()
                .orElseThrow();
        Object cluster = invoker.contexts.stream()
                .filter(NestedPveClusterContext.class::isInstance)
                .findFirst()
                .orElseThrow();
        Object filter = invoker.contexts.stream()
                .filter(PasswordMaskingFilter.class::isInstance)
                .findFirst()
                .orElseThrow();
        return ProgramState.write(execution, invoker.callback, env, cluster, filter);
    }

    private record Resumed(ClusterStepExecution execution, FakeStepContext context, Object[] state) {}

    /** Reads the state into a restarted controller: new services on the same lease file, a new step context. */
    private Resumed resume(ProgramState saved) throws Exception {
        ClusterServices services = lab.restart();
        FakeStepContext context = new FakeStepContext(lab.newRun(), new FakeListener(), body -> null);
        Object[] state = saved.read(context);
        ClusterStepExecution execution = (ClusterStepExecution) state[0];
        execution.attach(services, new TestBackground(lab.pool, context));
        return new Resumed(execution, context, state);
    }
}
