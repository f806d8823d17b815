package io.jenkins.plugins.nestedpve.sim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.nestedpve.sim.tls.PveCa;
import io.jenkins.plugins.nestedpve.sim.tls.RsaKeys;
import io.jenkins.plugins.nestedpve.sim.tls.TlsIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Test-only: one started {@link ApiServer} on a free loopback port with a manual clock, a recording
 * sleeper and a fake user database, plus clients pinned to its certificate.
 */
final class Harness implements AutoCloseable {
    static final String TOKEN = "PVEAPIToken=root@pam!ci=" + FakeAuth.TOKEN_SECRET;

    /** A logged-in ticket session. */
    record Login(String ticket, String csrf) {}

    final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
    final RecordingSleeper sleeper = new RecordingSleeper();
    final FakeAuth auth = new FakeAuth();
    final ObjectMapper json = new ObjectMapper();
    final ApiServer server;
    private final HttpClient http;

    Harness(TlsIdentity tls) {
        this(tls, b -> {});
    }

    Harness(TlsIdentity tls, Consumer<ApiServer.Builder> customize) {
        ApiServer.Builder b = ApiServer.builder()
                .bind(InetAddress.getLoopbackAddress(), 0)
                .tls(tls)
                .auth(auth)
                .clock(clock)
                .sleeper(sleeper);
        customize.accept(b);
        server = b.start();
        http = client(tls.fingerprint());
    }

    /**
     * Test PKI: a CA and {@code identities} certificates for {@code node} at 127.0.0.1. One RSA key
     * serves the CA and the node: key generation is the slow part and tests need no more.
     */
    static TlsIdentity[] pki(String node, int identities) {
        RsaKeys keys = RsaKeys.pooled(1);
        PveCa ca = PveCa.generate(keys, Clock.systemUTC());
        TlsIdentity[] out = new TlsIdentity[identities];
        var nodeKey = keys.next();
        for (int i = 0; i < identities; i++) {
            out[i] = ca.issue(node, InetAddress.getLoopbackAddress(), nodeKey);
        }
        return out;
    }

    /** A JDK HTTP/1.1 client that trusts only the certificate with {@code fingerprint}. */
    static HttpClient client(String fingerprint) {
        return HttpClient.newBuilder()
                .sslContext(PinnedTrust.context(fingerprint))
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    HttpRequest.Builder request(String method, String path, String body, String... headers) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .timeout(Duration.ofSeconds(10))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            r.header(headers[i], headers[i + 1]);
        }
        return r;
    }

    /** Sends with the pinned client; {@code headers} are name, value pairs. */
    HttpResponse<String> send(String method, String path, String body, String... headers) {
        return send(http, request(method, path, body, headers).build());
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        return send(client, request, HttpResponse.BodyHandlers.ofString());
    }

    static <T> HttpResponse<T> send(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return client.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a raw request (CRLF line ends, including the final empty line and any body). */
    RawHttps.Response raw(String request) {
        try {
            return RawHttps.exchange(PinnedTrust.context(server.tls().fingerprint()), server.address(), request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A raw request line plus Host header and the given extra header lines. */
    RawHttps.Response raw(String method, String target, String... headerLines) {
        StringBuilder sb = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n");
        for (String h : headerLines) {
            sb.append(h).append("\r\n");
        }
        return raw(sb.append("\r\n").toString());
    }

    /** A raw request with a body; Content-Length is computed, {@code headerLines} are added. */
    RawHttps.Response rawWithBody(String method, String target, String body, String... headerLines) {
        StringBuilder sb = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n");
        for (String h : headerLines) {
            sb.append(h).append("\r\n");
        }
        sb.append("Content-Length: ").append(body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        return raw(sb.append("\r\n\r\n").append(body).toString());
    }

    /** Logs in as root@pam with its password. */
    Login login() {
        HttpResponse<String> r = send(
                "POST",
                "/access/ticket",
                "username=root@pam&password=" + FakeAuth.ROOT_PASSWORD,
                "Content-Type",
                "application/x-www-form-urlencoded");
        JsonNode data = parse(r.body()).get("data");
        return new Login(
                data.get("ticket").asText(), data.get("CSRFPreventionToken").asText());
    }

    JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Registers {@code GET|POST|PUT|DELETE /echo} answering the request's params and principal. */
    Harness withEcho() {
        ApiHandler echo = r -> java.util.Map.of(
                "params", r.params(),
                "principal", r.principal() == null ? "" : r.principal().fullId(),
                "thread", Thread.currentThread().getName());
        for (String m : new String[] {"GET", "POST", "PUT", "DELETE"}) {
            server.route(m, "/echo", echo);
        }
        return this;
    }

    @Override
    public void close() {
        server.close();
    }
}
