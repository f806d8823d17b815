package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.console.ConsoleLogFilter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
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
 * agent, which decorates the output there with the filters it received. Sent over a channel, the filter takes the
 * password along and masks on its own; written anywhere else it holds the lease id only, and the agent's form refuses
 * to be written outside a channel.
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
    void sentToAnAgentTheFilterMasksThereAndNoOtherWrittenFormHoldsThePassword() throws Exception {
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

        byte[] toAgent = lab.remoting.sending(() -> write(filter));
        ConsoleLogFilter onAgent = (ConsoleLogFilter) read(toAgent);
        assertThat(onAgent).isInstanceOf(AgentPasswordMask.class);
        assertThat(onAgent.toString()).doesNotContain(pw);
        assertThat(maskedBy(onAgent, "echo " + pw + " done\n")).isEqualTo("echo **** done\n");

        byte[] onDisk = write(filter);
        assertThat(contains(onDisk, pw)).isFalse();
        assertThat(read(onDisk)).isInstanceOf(PasswordMaskingFilter.class);
        AgentPasswordMask outsideAChannel = new AgentPasswordMask(pw, lab.remoting);
        assertThatThrownBy(() -> write(outsideAChannel))
                .isInstanceOf(NotSerializableException.class)
                .hasMessageContaining("only to a remoting channel")
                .hasMessageNotContaining(pw);
        assertThatThrownBy(() -> write(List.of("program.dat", outsideAChannel)))
                .isInstanceOf(NotSerializableException.class);

        checked.countDown();
        s.context().await(WAIT);
        byte[] afterTeardown = lab.remoting.sending(() -> write(filter));
        assertThat(contains(afterTeardown, pw))
                .as("the password is forgotten with its cluster")
                .isFalse();
        assertThat(maskedBy((ConsoleLogFilter) read(afterTeardown), "echo x\n")).isEqualTo("echo x\n");
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
