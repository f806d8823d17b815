package io.jenkins.plugins.nestedpve.sim.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.sim.tls.TlsIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiServerLifecycleTest {
    private static TlsIdentity first;
    private static TlsIdentity second;
    private Harness h;

    @BeforeAll
    static void keys() {
        TlsIdentity[] ids = Harness.pki("pve1", 2);
        first = ids[0];
        second = ids[1];
    }

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    private static HttpResponse<String> get(HttpClient client, Harness harness) {
        return Harness.send(
                client,
                harness.request("GET", "/echo", null, "Authorization", Harness.TOKEN)
                        .build());
    }

    private static void connect(InetSocketAddress address) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(address, 2_000);
        }
    }

    @Test
    void reissuedCertificateOnTheSameKeyHasANewFingerprint() {
        assertThat(second.fingerprint()).isNotEqualTo(first.fingerprint());
    }

    @Test
    void newConnectionsSeeTheCertificateSetLater() {
        h = new Harness(first).withEcho();

        h.server.setTls(second);

        assertThat(get(Harness.client(second.fingerprint()), h).statusCode()).isEqualTo(200);
    }

    @Test
    void clientPinnedToTheOldCertificateIsRefusedAfterSetTls() {
        h = new Harness(first).withEcho();
        h.server.setTls(second);

        assertThatThrownBy(() -> get(Harness.client(first.fingerprint()), h))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void unavailableServerRefusesConnections() {
        h = new Harness(first).withEcho();

        h.server.setAvailable(false);

        assertThat(h.server.isAvailable()).isFalse();
        assertThatThrownBy(() -> connect(h.server.address())).isInstanceOf(ConnectException.class);
    }

    @Test
    void availableAgainServesOnTheSamePort() {
        h = new Harness(first).withEcho();
        int port = h.server.port();
        h.server.setAvailable(false);

        h.server.setAvailable(true);

        assertThat(h.server.port()).isEqualTo(port);
        assertThat(get(Harness.client(first.fingerprint()), h).statusCode()).isEqualTo(200);
    }

    @Test
    void closeStopsServingAndClosingTwiceIsHarmless() {
        h = new Harness(first).withEcho();
        InetSocketAddress address = h.server.address();

        h.server.close();
        h.server.close();

        assertThatThrownBy(() -> connect(address)).isInstanceOf(ConnectException.class);
    }

    @Test
    void requestLogNeverContainsPasswordsTicketsOrTokenSecrets(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("requests.jsonl");
        try (RequestLog log = RequestLog.toFile(file, 100)) {
            h = new Harness(first, b -> b.requestLog(log)).withEcho();
            Harness.Login login = h.login();
            h.send(
                    "POST",
                    "/echo",
                    "ticket=" + login.ticket(),
                    "Cookie",
                    "PVEAuthCookie=" + login.ticket(),
                    "CSRFPreventionToken",
                    login.csrf(),
                    "Content-Type",
                    "application/x-www-form-urlencoded");
            h.send("GET", "/echo?cipassword=hunter2&sshkeys=ssh-ed25519%20AAAA", null, "Authorization", Harness.TOKEN);

            String text = Files.readString(file);
            assertThat(text)
                    .doesNotContain(FakeAuth.ROOT_PASSWORD)
                    .doesNotContain(FakeAuth.TOKEN_SECRET)
                    .doesNotContain(login.ticket().substring(login.ticket().indexOf("::") + 2))
                    .doesNotContain("hunter2")
                    .contains("ssh-ed25519 AAAA")
                    .contains("**redacted**");
            assertThat(text.lines()).hasSize(3);
        }
    }

    @Test
    void requestLogRecordsPrincipalStatusAndReason() {
        h = new Harness(first).withEcho();

        h.send("GET", "/echo", null, "Authorization", Harness.TOKEN);
        h.raw("GET", "/api2/json/echo");

        List<LogEntry> entries = h.server.requestLog().entries();
        assertThat(entries).extracting(LogEntry::principal).containsExactly("root@pam!ci", null);
        assertThat(entries).extracting(LogEntry::status).containsExactly(200, 401);
        assertThat(entries).extracting(LogEntry::reason).containsExactly("OK", "No ticket");
        assertThat(entries).extracting(LogEntry::path).containsOnly("/echo");
        assertThat(entries).noneMatch(LogEntry::schemaRejected);
    }
}
