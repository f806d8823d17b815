package io.jenkins.plugins.nestedpve.sim.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.schema.ApiSchema;
import io.jenkins.plugins.nestedpve.sim.tls.TlsIdentity;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Routing and validation with the official PVE 9.1 schema bundled in nested-pve-schema. */
class ApiServerSchemaTest {
    private static final String AUTH = "Authorization: " + Harness.TOKEN;
    private static final String FORM = "Content-Type: application/x-www-form-urlencoded";
    private static final String CLONE = "/nodes/{node}/qemu/{vmid}/clone";
    private static TlsIdentity tls;
    private static ApiSchema schema;
    private final AtomicInteger clones = new AtomicInteger();
    private Harness h;

    @BeforeAll
    static void load() {
        schema = ApiSchema.require("9.1");
        tls = Harness.pki("pve1", 1)[0];
    }

    @BeforeEach
    void start() {
        h = new Harness(tls, b -> b.schema(schema));
        h.server.route("POST", CLONE, r -> {
            clones.incrementAndGet();
            return "UPID:pve1:0002A3F1:00C3B2A0:6621D3E5:qmclone:" + r.param("vmid") + ":"
                    + r.principal().fullId() + ":";
        });
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void validRequestReachesTheHandlerWithTheSchemaTemplate() {
        RawHttps.Response r =
                h.rawWithBody("POST", "/api2/json/nodes/pve1/qemu/9000/clone", "newid=101&full=0", AUTH, FORM);

        assertThat(r.status()).isEqualTo(200);
        assertThat(h.parse(r.body()).get("data").asText()).contains(":qmclone:9000:root@pam!ci:");
        assertThat(h.server.requestLog().schemaRejections()).isEmpty();
    }

    @Test
    void invalidParameterIs400NamingItAndTheHandlerIsNotCalled() {
        RawHttps.Response r = h.rawWithBody("POST", "/api2/json/nodes/pve1/qemu/9000/clone", "newid=abc", AUTH, FORM);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.reason()).isEqualTo("Parameter verification failed.");
        assertThat(h.parse(r.body()).get("message").asText()).isEqualTo("Parameter verification failed.\n");
        assertThat(h.parse(r.body()).at("/errors/newid").asText())
                .contains("type check ('integer') failed - got 'abc'");
        assertThat(clones).hasValue(0);
    }

    @Test
    void schemaRejectionIsFlaggedInTheRequestLog() {
        h.rawWithBody("POST", "/api2/json/nodes/pve1/qemu/9000/clone", "newid=101&full=true", AUTH, FORM);

        assertThat(h.server.requestLog().schemaRejections())
                .singleElement()
                .satisfies(e -> assertThat(e.schemaErrors()).containsKey("full"));
    }

    @Test
    void pathTheSchemaDoesNotKnowIs501() {
        RawHttps.Response r = h.raw("GET", "/api2/json/foo", AUTH);

        assertThat(r.status()).isEqualTo(501);
        assertThat(r.reason()).isEqualTo("Method 'GET /foo' not implemented");
    }

    @Test
    void schemaPathWithoutRegisteredHandlerIs501() {
        RawHttps.Response r = h.raw("GET", "/api2/json/cluster/nextid", AUTH);

        assertThat(r.status()).isEqualTo(501);
        assertThat(r.reason()).isEqualTo("Method 'GET /cluster/nextid' not implemented");
    }

    @Test
    void methodWithAllowtokenZeroRefusesTokensWith403() {
        h.server.route("PUT", "/access/password", r -> null);

        RawHttps.Response r =
                h.rawWithBody("PUT", "/api2/json/access/password", "userid=root@pam&password=abcdefgh", AUTH, FORM);

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.reason())
                .isEqualTo(
                        "Permission check failed (URI '/access/password' not available with API token, need proper ticket.");
    }

    @Test
    void loginValidatesAgainstTheSchemaToo() {
        RawHttps.Response r =
                h.rawWithBody("POST", "/api2/json/access/ticket", "username=root@pam&password=x&bogus=1", FORM);

        assertThat(r.status()).isEqualTo(400);
        assertThat(h.parse(r.body()).at("/errors/bogus").asText())
                .isEqualTo("property is not defined in schema and the schema does not allow additional properties");
    }

    @Test
    void faultHookSeesTheSchemaTemplate() {
        h.server.setFaultHook(r -> r.template().equals(CLONE)
                ? Optional.of(new ApiException(
                        500, "can't lock file '/var/lock/qemu-server/lock-9000.conf' - got timeout", Map.of()))
                : Optional.empty());

        RawHttps.Response r = h.rawWithBody("POST", "/api2/json/nodes/pve1/qemu/9000/clone", "newid=101", AUTH, FORM);

        assertThat(r.reason()).isEqualTo("can't lock file '/var/lock/qemu-server/lock-9000.conf' - got timeout");
        assertThat(clones).hasValue(0);
    }
}
