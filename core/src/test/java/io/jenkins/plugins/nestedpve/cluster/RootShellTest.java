package io.jenkins.plugins.nestedpve.cluster;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.ssh.SshConnector;
import io.jenkins.plugins.nestedpve.ssh.SshTimeouts;
import io.jenkins.plugins.nestedpve.wait.Sleeper;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RootShellTest {
    private static final String KEY = "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    @Test
    void aShellStoppedBeforeItConnectsNeverConnects() {
        RootShell shell =
                new RootShell(new SshConnector(SshTimeouts.DEFAULTS, Clock.systemUTC(), Sleeper.SYSTEM), "run");
        shell.abort();
        // port 1 on the loopback: a connection attempt would fail with a connection error instead
        NestedNode node = new NestedNode("np-a-n1", 80000, "127.0.0.1", null, KEY, 8006, 1);

        assertThatThrownBy(() -> shell.run(node, "pw", "true", Duration.ofSeconds(5), line -> {}))
                .isInstanceOf(InterruptedException.class)
                .hasMessage("run was stopped");
    }
}
