package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.console.ConsoleLogFilter;
import hudson.model.Run;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * nestedPveCluster at its edges: inside blocks that bring their own environment and log filter (e.g.
 * {@code withCredentials}), a provisioning that fails on the host, and a body that cannot be started.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterStepEdgesTest {
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
    void theEnclosingEnvironmentAndLogFilterStayInForceInTheBody() throws Exception {
        List<String> seen = new ArrayList<>();
        FakeStepContext ctx = new FakeStepContext(lab.newRun(), new FakeListener(), body -> {
            RecordingEnvVars env = body.env();
            seen.add(env.values.get("OUTER_TOKEN"));
            seen.add(env.values.get("NESTED_PVE_ROOT_PASSWORD"));
            seen.add(env.values.get("NESTED_PVE_NODES"));
            body.log()
                    .println("outer " + env.values.get("OUTER_TOKEN") + " inner "
                            + env.values.get("NESTED_PVE_ROOT_PASSWORD") + ".");
            return null;
        });
        ctx.with(EnvironmentExpander.class, new OuterEnvironment())
                .with(ConsoleLogFilter.class, new OuterMask("outer-secret-1234"));

        ClusterFixture.Started s = lab.start(lab.step(1), ctx);
        s.context().await(WAIT);

        assertThat(seen.get(0)).isEqualTo("outer-secret-1234");
        assertThat(seen.get(1)).hasSize(24);
        assertThat(seen.get(2)).isNotBlank();
        assertThat(s.log().text())
                .contains("outer [outer masked] inner ****.")
                .doesNotContain("outer-secret-1234")
                .doesNotContain(seen.get(1));
        EnvironmentExpander merged = (EnvironmentExpander) s.body().contexts.stream()
                .filter(EnvironmentExpander.class::isInstance)
                .findFirst()
                .orElseThrow();
        assertThat(merged.getSensitiveVariables()).containsExactlyInAnyOrder("OUTER_TOKEN", "NESTED_PVE_ROOT_PASSWORD");
    }

    @Test
    void aProvisioningFailureOnTheHostNamesThePhaseAndDestroysWhatWasCreated() throws Exception {
        // every start fails: three per clone (the first and two re-sends), for the clone and its two replacements
        for (int i = 0; i < 9; i++) {
            lab.sim.faults().failNextTask("qmstart", "start failed: QEMU exited with code 1");
        }
        ClusterFixture.Started s = lab.start(lab.step(1), body -> {
            throw new AssertionError("the body must not run");
        });

        Throwable failure = s.context().failure(WAIT);

        assertThat(failure)
                .isInstanceOf(AbortException.class)
                .hasMessageStartingWith("nestedPveCluster: provisioning failed in")
                .hasMessageContaining("QEMU exited with code 1");
        assertThat(s.context().completions).hasValue(1);
        assertThat(s.run().actions)
                .filteredOn(NestedPveClusterAction.class::isInstance)
                .singleElement()
                .satisfies(a -> assertThat(((NestedPveClusterAction) a).getOutcome())
                        .startsWith("failed: ")
                        .contains("QEMU exited"));
        assertThat(s.log().text()).contains("destroyed");
    }

    @Test
    void aBodyThatCannotBeStartedStillHasItsClusterTornDown() throws Exception {
        FakeStepContext ctx = new FakeStepContext(lab.newRun(), new FakeListener(), body -> null)
                .failBodyStart(new IllegalStateException("the body cannot be started"));

        ClusterFixture.Started s = lab.start(lab.step(1), ctx);

        assertThat(s.context().failure(WAIT)).hasMessage("the body cannot be started");
        assertThat(s.context().completions).hasValue(1);
        assertThat(s.execution().stage()).isEqualTo(ClusterStepExecution.Stage.DONE);
    }

    /** An enclosing block's environment with a secret of its own. */
    private static final class OuterEnvironment extends EnvironmentExpander {
        private static final long serialVersionUID = 1L;

        @Override
        public void expand(EnvVars env) {
            env.override("OUTER_TOKEN", "outer-secret-1234");
        }

        @Override
        public Set<String> getSensitiveVariables() {
            return Set.of("OUTER_TOKEN");
        }
    }

    /** An enclosing block's log filter: masks its own secret (line by line, as the tests print lines). */
    private static final class OuterMask extends ConsoleLogFilter implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String secret;

        OuterMask(String secret) {
            this.secret = secret;
        }

        @Override
        @SuppressWarnings("rawtypes")
        public OutputStream decorateLogger(Run build, OutputStream logger) {
            return new FilterOutputStream(logger) {
                private final StringBuilder line = new StringBuilder();

                @Override
                public void write(int b) throws IOException {
                    line.append((char) b);
                    if (b == '\n') {
                        out.write(line.toString()
                                .replace(secret, "[outer masked]")
                                .getBytes());
                        line.setLength(0);
                    }
                }
            };
        }
    }
}
