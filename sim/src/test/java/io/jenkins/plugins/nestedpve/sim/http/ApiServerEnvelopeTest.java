package io.jenkins.plugins.nestedpve.sim.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.nestedpve.sim.tls.TlsIdentity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiServerEnvelopeTest {
    private static final String AUTH = "Authorization: " + Harness.TOKEN;
    private static TlsIdentity tls;
    private Harness h;

    @BeforeAll
    static void keys() {
        tls = Harness.pki("pve1", 1)[0];
    }

    @BeforeEach
    void start() {
        h = new Harness(tls).withEcho();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void successIsWrappedInDataWithTheExactContentTypeAndServerHeader() {
        h.server.route("GET", "/version", r -> Map.of("version", "9.1.4", "release", "9.1"));

        HttpResponse<String> r = h.send("GET", "/version", null, "Authorization", Harness.TOKEN);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json;charset=UTF-8");
        assertThat(r.headers().firstValue("Server")).contains("pve-api-daemon/3.0");
        assertThat(h.parse(r.body()).at("/data/version").asText()).isEqualTo("9.1.4");
    }

    @Test
    void handlerReturningNothingAnswersDataNull() {
        h.server.route("PUT", "/nodes/{node}/qemu/{vmid}/config", r -> null);

        HttpResponse<String> r = h.send("PUT", "/nodes/pve1/qemu/100/config", null, "Authorization", Harness.TOKEN);

        assertThat(r.body()).isEqualTo("{\"data\":null}");
    }

    @Test
    void errorCarriesMessageWithNewlineAndItsFirstLineAsReasonPhrase() {
        h.server.route("DELETE", "/nodes/{node}/qemu/{vmid}", r -> {
            throw ApiException.die("VM " + r.param("vmid") + " is running - destroy failed");
        });

        RawHttps.Response r = h.raw("DELETE", "/api2/json/nodes/pve1/qemu/100", AUTH);

        assertThat(r.status()).isEqualTo(500);
        assertThat(r.reason()).isEqualTo("VM 100 is running - destroy failed");
        assertThat(r.headers()).containsEntry("content-type", "application/json;charset=UTF-8");
        JsonNode body = h.parse(r.body());
        assertThat(body.get("message").asText()).isEqualTo("VM 100 is running - destroy failed\n");
        assertThat(body.get("data").isNull()).isTrue();
    }

    @Test
    void reasonPhraseIsOnlyTheFirstLineOfAMultiLineMessage() {
        h.server.route("GET", "/multi", r -> {
            throw new ApiException(500, "first line\nsecond line\n", Map.of());
        });

        RawHttps.Response r = h.raw("GET", "/api2/json/multi", AUTH);

        assertThat(r.reason()).isEqualTo("first line");
        assertThat(h.parse(r.body()).get("message").asText()).isEqualTo("first line\nsecond line\n");
    }

    @Test
    void parameterErrorsAreInTheErrorsMap() {
        h.server.route("POST", "/p", r -> {
            throw ApiException.param("newid", "value must have a minimum value of 100");
        });

        RawHttps.Response r = h.rawWithBody("POST", "/api2/json/p", "", AUTH);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.reason()).isEqualTo("Parameter verification failed.");
        assertThat(h.parse(r.body()).at("/errors/newid").asText()).isEqualTo("value must have a minimum value of 100");
    }

    @Test
    void unexpectedHandlerExceptionBecomes500WithItsMessage() {
        h.server.route("GET", "/boom", r -> {
            throw new IllegalStateException("storage 'local-lvm' does not exist");
        });

        RawHttps.Response r = h.raw("GET", "/api2/json/boom", AUTH);

        assertThat(r.status()).isEqualTo(500);
        assertThat(r.reason()).isEqualTo("storage 'local-lvm' does not exist");
    }

    @Test
    void successKeepsTheConnectionAliveAndErrorsCloseIt() {
        h.server.route("GET", "/fail", r -> {
            throw ApiException.die("nope");
        });

        assertThat(h.raw("GET", "/api2/json/echo", AUTH).headers()).containsEntry("connection", "Keep-Alive");
        assertThat(h.raw("GET", "/api2/json/fail", AUTH).headers()).containsEntry("connection", "close");
    }

    @Test
    void largeBodyIsGzippedWhenTheClientAcceptsIt() throws IOException {
        String big = "x".repeat(5000);
        h.server.route("GET", "/big", r -> big);

        RawHttps.Response plain = h.raw("GET", "/api2/json/big", AUTH);
        HttpResponse<byte[]> zipped = Harness.send(
                Harness.client(tls.fingerprint()),
                h.request("GET", "/big", null, "Authorization", Harness.TOKEN, "Accept-Encoding", "gzip")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(plain.headers()).doesNotContainKey("content-encoding");
        assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
        String unzipped = new String(
                new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(unzipped).isEqualTo("{\"data\":\"" + big + "\"}");
    }

    @Test
    void apiResultAddsTotalNextToData() {
        h.server.route("GET", "/log", r -> ApiResult.withTotal(List.of(Map.of("n", 1, "t", "no content")), 1));

        HttpResponse<String> r = h.send("GET", "/log", null, "Authorization", Harness.TOKEN);

        assertThat(h.parse(r.body()).get("total").asInt()).isEqualTo(1);
        assertThat(h.parse(r.body()).at("/data/0/t").asText()).isEqualTo("no content");
    }

    @Test
    void faultHookAnswersInsteadOfTheHandler() {
        AtomicInteger calls = new AtomicInteger();
        h.server.route("GET", "/counted", r -> calls.incrementAndGet());
        h.server.setFaultHook(r -> r.path().equals("/counted")
                ? Optional.of(new ApiException(503, "service temporarily unavailable", Map.of()))
                : Optional.empty());

        RawHttps.Response r = h.raw("GET", "/api2/json/counted", AUTH);

        assertThat(r.status()).isEqualTo(503);
        assertThat(r.reason()).isEqualTo("service temporarily unavailable");
        assertThat(calls).hasValue(0);
    }

    @Test
    void handlersRunOffTheAcceptThread() {
        HttpResponse<String> r = h.send("GET", "/echo", null, "Authorization", Harness.TOKEN);

        assertThat(h.parse(r.body()).at("/data/thread").asText())
                .startsWith("pve-api-")
                .doesNotContain("accept");
    }

    @Test
    void statusLineEchoesHttp10AndClosesWithoutKeepAliveHeader() {
        RawHttps.Response r = h.raw("GET /api2/json/echo HTTP/1.0\r\n" + AUTH + "\r\n\r\n");

        assertThat(r.protocol()).isEqualTo("HTTP/1.0");
        assertThat(r.headers()).containsEntry("connection", "close");
    }
}
