package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.console.ConsoleLogFilter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The masking filter of a body on agents: Pipeline sends the decorated listener of a durable {@code sh} to the
 * agent, which decorates the output there with the filters it received, and writes the filter to program.dat. Its
 * serialized form holds no password, yet masks wherever it is read back, also after the cluster is gone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentMaskingTest {
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
    }

    @Test
    void theSerializedFilterHoldsNoPasswordAndMasksWhereverItIsReadBack() throws Exception {
        CountDownLatch inBody = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        List<String> password = new ArrayList<>();
        ClusterFixture.Started s = lab.start(lab.step(1), body -> {
            password.add(body.env().values.get("NESTED_PVE_ROOT_PASSWORD"));
            inBody.countDown();
            assertThat(checked.await(WAIT, TimeUnit.SECONDS)).isTrue();
            return null;
        });
        assertThat(inBody.await(WAIT, TimeUnit.SECONDS)).isTrue();
        String pw = password.get(0);
        ConsoleLogFilter filter = filterOf(s.body());

        byte[] written = write(filter);
        assertThat(contains(written, pw)).isFalse();
        assertThat(filter.toString()).doesNotContain(pw);
        ConsoleLogFilter onAgent = (ConsoleLogFilter) read(written); // a JVM that never saw the password
        assertThat(maskedBy(onAgent, "echo " + pw + " done\n")).isEqualTo("echo **** done\n");
        assertThat(maskedBy(onAgent, "no secret here\n")).isEqualTo("no secret here\n");

        checked.countDown();
        s.context().await(WAIT);
        assertThat(maskedBy((ConsoleLogFilter) read(written), "late " + pw + "\n"))
                .as("still masked after the cluster and its secrets are gone")
                .isEqualTo("late ****\n");
    }

    private static ConsoleLogFilter filterOf(FakeBodyInvoker invoker) {
        return invoker.contexts.stream()
                .filter(PasswordMaskingFilter.class::isInstance)
                .map(ConsoleLogFilter.class::cast)
                .findFirst()
                .orElseThrow();
    }

    private static String maskedBy(ConsoleLogFilter filter, String text) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (OutputStream out = filter.decorateLogger(null, log)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return log.toString(StandardCharsets.UTF_8);
    }

    private static byte[] write(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    private static Object read(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    private static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }
}
