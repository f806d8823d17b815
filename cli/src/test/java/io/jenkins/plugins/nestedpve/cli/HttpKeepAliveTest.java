package io.jenkins.plugins.nestedpve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.sim.http.ApiServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The process {@code nestedpve} starts does not reuse an HTTP connection the server may be closing:
 * PVE (and the simulator) close idle keep-alive connections after 5 s, and a POST sent on a
 * connection closed under it is lost without an answer.
 */
class HttpKeepAliveTest {
    private String saved;

    @BeforeEach
    void clear() {
        saved = System.clearProperty(NestedPveCli.KEEP_ALIVE_PROPERTY);
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(NestedPveCli.KEEP_ALIVE_PROPERTY);
        } else {
            System.setProperty(NestedPveCli.KEEP_ALIVE_PROPERTY, saved);
        }
    }

    @Test
    void theCommandDropsPooledConnectionsBeforeTheServerClosesThem() {
        int code = NestedPveCli.launch("--version");

        assertThat(code).isZero();
        String seconds = System.getProperty(NestedPveCli.KEEP_ALIVE_PROPERTY);
        assertThat(seconds).as("jdk.httpclient.keepalive.timeout").isNotNull();
        assertThat(Duration.ofSeconds(Long.parseLong(seconds))).isLessThan(ApiServer.DEFAULT_IDLE_TIMEOUT);
    }

    @Test
    void aValueGivenWithDashDIsKept() {
        System.setProperty(NestedPveCli.KEEP_ALIVE_PROPERTY, "1");

        NestedPveCli.launch("--version");

        assertThat(System.getProperty(NestedPveCli.KEEP_ALIVE_PROPERTY)).isEqualTo("1");
    }
}
