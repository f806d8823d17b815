package io.jenkins.plugins.nestedpve.sim.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ListenerTest {
    @Test
    void acceptedSocketsHaveTcpNoDelay() throws Exception {
        CompletableFuture<Boolean> noDelay = new CompletableFuture<>();
        Listener.Factory probe = (plain, onClose) -> {
            try {
                noDelay.complete(plain.getTcpNoDelay());
                plain.close(); // the connection then ends at once, without TLS
            } catch (IOException e) {
                noDelay.completeExceptionally(e);
            }
            return new Connection(plain, () -> null, null, Duration.ofSeconds(1), Clock.systemUTC(), onClose);
        };
        try (Listener listener = new Listener(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 2, probe)) {
            listener.start();
            try (Socket client = new Socket(
                    listener.address().getAddress(), listener.address().getPort())) {
                assertThat(noDelay.get(10, TimeUnit.SECONDS)).isTrue();
            }
        }
    }
}
