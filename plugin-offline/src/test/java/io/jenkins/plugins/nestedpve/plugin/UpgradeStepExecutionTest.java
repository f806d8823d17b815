package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.cluster.NestedNode;
import io.jenkins.plugins.nestedpve.host.NestingMode;
import io.jenkins.plugins.nestedpve.spec.HostRef;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Jenkins side of nestedPveUpgrade without running a trial: it ends exactly once, wrong parameters and a
 * missing password fail before anything is touched, a stop before the trial runs ends it at once, a restart fails
 * it, and program.dat holds neither the password nor the user's commands.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpgradeStepExecutionTest {
    private static final int WAIT = ClusterFixture.WAIT_SECONDS;
    private static final String LEASE = "00000000-0000-0000-0000-00000000abcd";

    private ClusterFixture lab;

    @TempDir
    Path workspace;

    @BeforeAll
    void start(@TempDir Path home) {
        lab = new ClusterFixture(home);
    }

    @AfterAll
    void stop() {
        lab.close();
    }

    /** A cluster context of a cluster that does not exist (nothing may connect to it). */
    private static NestedPveClusterContext cluster() {
        NestedNode node = new NestedNode(
                "np-none-n1",
                80999,
                "192.0.2.1",
                "AA:" + "00:".repeat(30) + "AA",
                "SHA256:" + "A".repeat(43),
                8006,
                22);
        NestedCluster c = new NestedCluster(
                "np-none",
                List.of(node),
                NestingMode.HARDWARE,
                "8.4.1",
                LEASE,
                HostRef.of("https://192.0.2.9:8006", "pve", "AA:" + "11:".repeat(30) + "AA"),
                null,
                Instant.now(),
                null);
        return new NestedPveClusterContext(c, "lab");
    }

    private record Started(UpgradeStepExecution execution, FakeStepContext context, FakeListener log) {}

    private Started start(NestedPveUpgradeStep step, boolean hold) throws Exception {
        FakeListener log = new FakeListener();
        FakeStepContext ctx =
                new FakeStepContext(lab.newRun(), log, null).with(NestedPveClusterContext.class, cluster());
        UpgradeStepExecution exec = new UpgradeStepExecution(step, ctx);
        TestBackground bg = new TestBackground(lab.pool, ctx);
        if (hold) {
            bg.holdNext();
        }
        exec.attach(lab.services, bg, ReportFiles.inDirectory(workspace, true));
        exec.start();
        return new Started(exec, ctx, log);
    }

    @Test
    void aWrongParameterFailsTheStepBeforeAnythingIsTouched() throws Exception {
        NestedPveUpgradeStep step = new NestedPveUpgradeStep();
        step.setTo("ten");

        Started s = start(step, false);

        assertThat(s.context().failure(WAIT))
                .isInstanceOf(AbortException.class)
                .hasMessage("nestedPveUpgrade: to: 'ten' is neither a PVE major such as 9 nor latest");
        assertThat(s.context().completions).hasValue(1);
        assertThat(s.log().text()).doesNotContain("Upgrade trial of cluster");
    }

    @Test
    void withoutTheRootPasswordInMemoryTheStepSaysWhy() throws Exception {
        Started s = start(new NestedPveUpgradeStep(), false);

        assertThat(s.context().failure(WAIT))
                .isInstanceOf(AbortException.class)
                .hasMessageStartingWith("nestedPveUpgrade: the root password of cluster np-none is kept only in the"
                        + " memory of the Jenkins controller");
    }

    @Test
    void aStopBeforeTheTrialRunsEndsTheStepAtOnce() throws Exception {
        Started s = start(new NestedPveUpgradeStep(), true);
        AbortException cause = new AbortException("Aborted by a user");

        s.execution().stop(cause);

        assertThat(s.context().failure(WAIT)).isSameAs(cause);
        assertThat(s.context().completions).hasValue(1);
    }

    @Test
    void aRestartDuringTheTrialFailsTheStep() throws Exception {
        Started s = start(new NestedPveUpgradeStep(), true);
        ProgramState saved = ProgramState.write(s.execution());
        FakeStepContext after = new FakeStepContext(lab.newRun(), new FakeListener(), null);

        UpgradeStepExecution resumed = (UpgradeStepExecution) saved.read(after)[0];
        resumed.onResume();

        assertThat(after.failure(WAIT))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("Jenkins restarted during the upgrade trial")
                .hasMessageContaining("run the build again");
        assertThat(after.completions).hasValue(1);
    }

    @Test
    void theSavedStateHoldsNeitherThePasswordNorTheCommands() throws Exception {
        lab.services.secrets().put(LEASE, "Secret-Root-Password-123");
        NestedPveUpgradeStep step = new NestedPveUpgradeStep();
        step.setBeforeNode("backup-etc-pve --token hunter2");
        try {
            Started s = start(step, true);

            ProgramState saved = ProgramState.write(s.execution());

            assertThat(saved.contains("Secret-Root-Password-123")).isFalse();
            assertThat(saved.contains("hunter2")).isFalse();
            assertThat(s.execution().toString()).doesNotContain("hunter2");
        } finally {
            lab.services.secrets().forget(LEASE);
        }
    }
}
