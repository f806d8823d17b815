package io.jenkins.plugins.nestedpve.cluster;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.ssh.SshAuth;
import io.jenkins.plugins.nestedpve.ssh.SshConnector;
import io.jenkins.plugins.nestedpve.ssh.SshTimeouts;
import io.jenkins.plugins.nestedpve.wait.Sleeper;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class NodeLoginTest {
    @Test
    void aNodeWithoutARecordedHostKeyIsRefusedBeforeAnythingIsSent() {
        SshConnector ssh = new SshConnector(SshTimeouts.DEFAULTS, Clock.systemUTC(), Sleeper.SYSTEM);

        // port 1 on the loopback: a connection attempt would fail differently
        assertThatThrownBy(() -> NodeLogin.open(ssh, "np-a-n1", "127.0.0.1", 1, " ", SshAuth.password("pw")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no SSH host key is recorded for node np-a-n1")
                .hasMessageNotContaining("pw");
    }
}
