package io.jenkins.plugins.nestedpve.sim.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.nestedpve.sim.tls.TlsIdentity;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiServerParamsTest {
    private static final String AUTH = "Authorization: " + Harness.TOKEN;
    private static final String FORM = "Content-Type: application/x-www-form-urlencoded";
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

    private JsonNode echoed(RawHttps.Response r) {
        assertThat(r.status()).as(r.reason()).isEqualTo(200);
        return h.parse(r.body()).at("/data/params");
    }

    @Test
    void urlencodedValueEndsAtTheSecondRawEqualsSign() {
        JsonNode p =
                echoed(h.rawWithBody("POST", "/api2/json/echo", "ipconfig0=ip=10.0.0.5/24,gw=10.0.0.1", AUTH, FORM));

        assertThat(p.get("ipconfig0").asText()).isEqualTo("ip");
    }

    @Test
    void urlencodedEscapedEqualsSignIsKept() {
        JsonNode p = echoed(h.rawWithBody("POST", "/api2/json/echo", "ipconfig0=ip%3D10.0.0.5%2F24", AUTH, FORM));

        assertThat(p.get("ipconfig0").asText()).isEqualTo("ip=10.0.0.5/24");
    }

    @Test
    void urlencodedPairsMayBeSeparatedBySemicolons() {
        JsonNode p = echoed(h.rawWithBody("POST", "/api2/json/echo", "a=1;b=2&c=3", AUTH, FORM));

        assertThat(p.get("a").asText()).isEqualTo("1");
        assertThat(p.get("b").asText()).isEqualTo("2");
        assertThat(p.get("c").asText()).isEqualTo("3");
    }

    @Test
    void urlencodedPlusIsASpace() {
        JsonNode p = echoed(h.rawWithBody("POST", "/api2/json/echo", "description=hello+world%2B", AUTH, FORM));

        assertThat(p.get("description").asText()).isEqualTo("hello world+");
    }

    @Test
    void urlencodedRepeatedKeyBecomesAList() {
        JsonNode p = echoed(h.raw("GET", "/api2/json/echo?delete=net1&delete=ide2", AUTH));

        assertThat(p.get("delete").isArray()).isTrue();
        assertThat(p.get("delete").get(0).asText()).isEqualTo("net1");
        assertThat(p.get("delete").get(1).asText()).isEqualTo("ide2");
    }

    @Test
    void urlencodedKeyWithEmptyValueIsAbsent() {
        JsonNode p = echoed(h.rawWithBody("POST", "/api2/json/echo", "description=&name=x", AUTH, FORM));

        assertThat(p.has("description")).isFalse();
        assertThat(p.get("name").asText()).isEqualTo("x");
    }

    @Test
    void queryParametersOverrideBodyParameters() {
        JsonNode p = echoed(h.rawWithBody("POST", "/api2/json/echo?name=from-query", "name=from-body&x=1", AUTH, FORM));

        assertThat(p.get("name").asText()).isEqualTo("from-query");
        assertThat(p.get("x").asText()).isEqualTo("1");
    }

    @Test
    void jsonBodyKeepsJsonTypes() {
        JsonNode p = echoed(h.rawWithBody(
                "POST",
                "/api2/json/echo",
                "{\"newid\":101,\"full\":false,\"name\":\"a=b\"}",
                AUTH,
                "Content-Type: application/json"));

        assertThat(p.get("newid").isInt()).isTrue();
        assertThat(p.get("full").isBoolean()).isTrue();
        assertThat(p.get("name").asText()).isEqualTo("a=b");
    }

    @Test
    void emptyJsonBodyFailsAsInPve() {
        RawHttps.Response r = h.rawWithBody("POST", "/api2/json/echo", "", AUTH, "Content-Type: application/json");

        assertThat(r.status()).isEqualTo(500);
        assertThat(r.reason()).startsWith("malformed JSON string");
    }

    @Test
    void cacheBusterDcParameterIsDropped() {
        JsonNode p = echoed(h.raw("GET", "/api2/json/echo?_dc=1714550400&x=1", AUTH));

        assertThat(p.has("_dc")).isFalse();
    }

    @Test
    void bodyOnGetIs501UnexpectedContent() {
        RawHttps.Response r = h.rawWithBody("GET", "/api2/json/echo", "a=1", AUTH, FORM);

        assertThat(r.status()).isEqualTo(501);
        assertThat(r.reason()).isEqualTo("Unexpected content for method 'GET'");
    }

    @Test
    void bodyOnDeleteIs501UnexpectedContent() {
        RawHttps.Response r = h.rawWithBody("DELETE", "/api2/json/echo", "purge=1", AUTH, FORM);

        assertThat(r.reason()).isEqualTo("Unexpected content for method 'DELETE'");
    }

    @Test
    void unknownPathIs501NotImplementedInTheJsonEnvelope() {
        RawHttps.Response r = h.raw("GET", "/api2/json/foo", AUTH);

        assertThat(r.status()).isEqualTo(501);
        assertThat(r.reason()).isEqualTo("Method 'GET /foo' not implemented");
        assertThat(h.parse(r.body()).get("message").asText()).isEqualTo("Method 'GET /foo' not implemented");
    }

    @Test
    void unknownPathWithoutCredentialsIs401First() {
        RawHttps.Response r = h.raw("GET", "/api2/json/foo");

        assertThat(r.status()).isEqualTo(401);
    }

    @Test
    void pathWithoutFormatIs501NoSuchUri() {
        RawHttps.Response r = h.raw("GET", "/api2/", AUTH);

        assertThat(r.status()).isEqualTo(501);
        assertThat(r.reason()).isEqualTo("no such uri");
    }

    @Test
    void extjsFormatIs501AndPointsToJson() {
        RawHttps.Response r = h.raw("GET", "/api2/extjs/echo", AUTH);

        assertThat(r.status()).isEqualTo(501);
        assertThat(r.reason()).contains("/api2/json");
    }

    @Test
    void chunkedRequestBodyIs501AsInPve() {
        RawHttps.Response r = h.raw("POST /api2/json/echo HTTP/1.1\r\nHost: x\r\n" + AUTH + "\r\n" + FORM
                + "\r\nTransfer-Encoding: chunked\r\n\r\n3\r\na=1\r\n0\r\n\r\n");

        assertThat(r.status()).isEqualTo(501);
        assertThat(r.reason()).isEqualTo("chunked transfer encoding not supported");
    }

    @Test
    void parameterConflictingWithThePathIs400() {
        h.server.route("POST", "/nodes/{node}/qemu/{vmid}/clone", r -> "UPID");

        RawHttps.Response r =
                h.rawWithBody("POST", "/api2/json/nodes/pve1/qemu/100/clone", "vmid=101&newid=102", AUTH, FORM);

        assertThat(r.status()).isEqualTo(400);
        assertThat(h.parse(r.body()).at("/errors/vmid").asText())
                .isEqualTo("duplicate parameter (already defined in URI) with conflicting values!");
    }

    @Test
    void pathParametersArePassedToTheHandler() {
        h.server.route("GET", "/nodes/{node}/tasks/{upid}/status", r -> r.pathParams());

        HttpResponse<String> r = h.send(
                "GET",
                "/nodes/pve1/tasks/UPID:pve1:0002A3F1:00C3B2A0:6621D3E5:qmclone:9000:root@pam!ci:/status",
                null,
                "Authorization",
                Harness.TOKEN);

        assertThat(h.parse(r.body()).at("/data/upid").asText())
                .isEqualTo("UPID:pve1:0002A3F1:00C3B2A0:6621D3E5:qmclone:9000:root@pam!ci:");
    }

    @Test
    void literalSegmentWinsOverPlaceholder() {
        h.server.route("GET", "/nodes/{node}/qemu/{vmid}", r -> "vm");
        h.server.route("GET", "/nodes/{node}/qemu/status", r -> "literal");

        HttpResponse<String> r = h.send("GET", "/nodes/pve1/qemu/status", null, "Authorization", Harness.TOKEN);

        assertThat(h.parse(r.body()).get("data").asText()).isEqualTo("literal");
    }
}
