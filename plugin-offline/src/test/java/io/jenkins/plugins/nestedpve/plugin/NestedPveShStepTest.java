package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.jenkins.plugins.nestedpve.cluster.NestedNode;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** nestedPveSh inside a two-node cluster of the simulated host, over real SSH with the cluster's root password. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NestedPveShStepTest {
    private static final int WAIT = ClusterFixture.WAIT_SECONDS;

    private ClusterFixture lab;
    private ClusterFixture.Started cluster;
    private final CountDownLatch bodyMayEnd = new CountDownLatch(1);
    private FakeStepContext body;

    @BeforeAll
    void provision(@TempDir Path home) throws Exception {
        lab = new ClusterFixture(home);
        CompletableFuture<Void> bodyRuns = new CompletableFuture<>();
        cluster = lab.start(lab.step(2), b -> {
            bodyRuns.complete(null);
            return bodyMayEnd.await(WAIT, TimeUnit.SECONDS);
        });
        // a failed provisioning ends the wait at once, with its error
        CompletableFuture.anyOf(bodyRuns, cluster.context().outcome).get(WAIT, TimeUnit.SECONDS);
        assertThat(bodyRuns).as(() -> cluster.log().text()).isDone();
        body = cluster.body().bodyContext;
    }

    @AfterAll
    void tearDown() throws Exception {
        bodyMayEnd.countDown();
        try {
            assertThat(cluster.context().await(WAIT)).isEqualTo(true);
            assertThat(lab.guests()).isEmpty();
        } finally {
            lab.close();
        }
    }

    private ShStepExecution sh(NestedPveShStep step, FakeStepContext context) {
        return new ShStepExecution(step, context, lab.services);
    }

    private static NestedPveShStep step(String script, String node) {
        NestedPveShStep s = new NestedPveShStep(script);
        s.setNode(node);
        return s;
    }

    private List<String> nodes() {
        return body.cluster().getNodes().stream().map(NestedNode::name).toList();
    }

    @Test
    void runsOnTheFirstNodeByDefaultAndStreamsTheOutput() throws Exception {
        NestedPveShStep step = step("echo hello from $(cat /etc/hostname)", null);
        step.setReturnStdout(true);

        Object out = sh(step, body).run();

        assertThat((String) out).contains("hello from " + nodes().get(0));
        assertThat(cluster.log().text()).contains("hello from " + nodes().get(0));
    }

    @Test
    void allRunsOnEveryNodeInOrderAndPrefixesTheLines() throws Exception {
        NestedPveShStep step = step("echo node $(cat /etc/hostname)", "all");
        step.setReturnStdout(true);

        @SuppressWarnings("unchecked")
        Map<String, String> out = (Map<String, String>) sh(step, body).run();

        assertThat(out.keySet()).containsExactlyElementsOf(nodes());
        assertThat(out.get(nodes().get(1))).contains("node " + nodes().get(1));
        String log = cluster.log().text();
        assertThat(log).contains("[" + nodes().get(0) + "] node " + nodes().get(0));
        assertThat(log.indexOf("[" + nodes().get(0) + "] node"))
                .isLessThan(log.indexOf("[" + nodes().get(1) + "] node"));
    }

    @Test
    void aNodeNumberSelectsThatNode() throws Exception {
        NestedPveShStep step = step("cat /etc/hostname", "2");
        step.setReturnStdout(true);

        assertThat(((String) sh(step, body).run()).strip()).isEqualTo(nodes().get(1));
        NestedPveShStep byPveNumber = step("cat /etc/hostname", "pve2");
        byPveNumber.setReturnStdout(true);
        assertThat(((String) sh(byPveNumber, body).run()).strip()).isEqualTo(nodes().get(1));
    }

    @Test
    void aNonZeroExitFailsTheStep() {
        assertThatThrownBy(() -> sh(step("echo before; exit 3", null), body).run())
                .isInstanceOf(AbortException.class)
                .hasMessage("nestedPveSh: script returned exit code 3 on " + nodes().get(0));
    }

    @Test
    void returnStatusGivesTheExitCodeInstead() throws Exception {
        NestedPveShStep step = step("exit 3", null);
        step.setReturnStatus(true);

        assertThat(sh(step, body).run()).isEqualTo(3);
    }

    @Test
    void anInterruptKillsTheScriptAndClosesItsChannel() throws Exception {
        Running r = runLong();

        r.thread().cancel(true); // what Jenkins' stop() does to a SynchronousNonBlockingStepExecution

        assertThat(r.thread()).failsWithin(20, TimeUnit.SECONDS);
        assertThat(groupOnGuest(r.pid()))
                .as("the script's processes on the guest")
                .isEqualTo(1);
    }

    @Test
    void stoppingKillsTheScriptEvenWithoutAnInterrupt() throws Exception {
        Running r = runLong();

        r.execution().closeChannel();

        assertThatThrownBy(() -> r.thread().get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(InterruptedException.class)
                .cause()
                .hasMessage("nestedPveSh was stopped");
        assertThat(groupOnGuest(r.pid()))
                .as("the script's processes on the guest")
                .isEqualTo(1);
    }

    /** {@code kill -0} on the process group {@code pgid} on the first node: 0 while it exists, 1 once gone. */
    private int groupOnGuest(String pgid) throws Exception {
        NestedPveShStep check = step(
                "i=0; while [ $i -lt 500 ]; do kill -0 -- -" + pgid + " 2>/dev/null || exit 1; sleep 5;"
                        + " i=$((i + 1)); done; exit 0",
                null);
        check.setReturnStatus(true);
        return (Integer) sh(check, body).run();
    }

    private record Running(ShStepExecution execution, Future<Object> thread, String pid) {}

    /** A script that prints a line and then sleeps for days (simulated time), started on its own thread. */
    private Running runLong() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        OutputStream watch = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                super.write(b, off, len);
                if (toString(StandardCharsets.UTF_8).contains("started")) {
                    started.countDown();
                }
            }
        };
        FakeStepContext context = new FakeStepContext(cluster.run(), new FakeListener().decorated(watch), null)
                .with(NestedPveClusterContext.class, body.cluster());
        ShStepExecution execution = sh(step("echo started $$; sleep 10000000", null), context);
        Future<Object> thread = lab.pool.submit(execution::run);
        assertThat(started.await(WAIT, TimeUnit.SECONDS)).isTrue();
        String pid = watch.toString().replaceAll("(?s).*started ([0-9]+).*", "$1");
        return new Running(execution, thread, pid);
    }
}
