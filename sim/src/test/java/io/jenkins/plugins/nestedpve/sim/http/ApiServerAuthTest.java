package io.jenkins.plugins.nestedpve.sim.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.nestedpve.sim.tls.TlsIdentity;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiServerAuthTest {
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
    void requestWithoutCredentialsGets401NoTicketWithEmptyBodyAfterTheDelay() {
        RawHttps.Response r = h.raw("GET", "/api2/json/echo");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.reason()).isEqualTo("No ticket");
        assertThat(r.body()).isEmpty();
        assertThat(r.headers()).containsEntry("connection", "close");
        assertThat(h.sleeper.sleeps()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void jdkClientReadsThe401WithoutContentLengthAsAnEmptyBody() {
        HttpResponse<String> r = h.send("GET", "/echo", null);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void wrongTokenSecretGets401AuthenticationFailed() {
        RawHttps.Response r = h.raw("GET", "/api2/json/echo", "Authorization: PVEAPIToken=root@pam!ci=wrong");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.reason()).isEqualTo("Authentication failed!");
        assertThat(r.body()).isEmpty();
        assertThat(h.sleeper.sleeps()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void forgedTicketGets401AuthenticationFailed() {
        RawHttps.Response r = h.raw("GET", "/api2/json/echo", "Cookie: PVEAuthCookie=PVE:root@pam:6A1B2C3D::Zm9yZ2Vk");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.reason()).isEqualTo("Authentication failed!");
    }

    @Test
    void writeWithTicketButWithoutCsrfGets401InvalidCsrfToken() {
        Harness.Login login = h.login();

        RawHttps.Response r =
                h.raw("POST", "/api2/json/echo", "Cookie: PVEAuthCookie=" + login.ticket(), "Content-Length: 0");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.reason()).isEqualTo("Permission denied - invalid csrf token");
        assertThat(r.body()).isEmpty();
        assertThat(h.sleeper.sleeps()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void writeWithTicketAndCsrfTokenSucceeds() {
        Harness.Login login = h.login();

        HttpResponse<String> r = h.send(
                "POST",
                "/echo",
                null,
                "Cookie",
                "PVEAuthCookie=" + login.ticket(),
                "CSRFPreventionToken",
                login.csrf());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(h.parse(r.body()).at("/data/principal").asText()).isEqualTo("root@pam");
    }

    @Test
    void tokenHeaderWithEqualsSignAuthenticatesAsTheToken() {
        HttpResponse<String> r = h.send("GET", "/echo", null, "Authorization", Harness.TOKEN);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(h.parse(r.body()).at("/data/principal").asText()).isEqualTo("root@pam!ci");
    }

    @Test
    void tokenHeaderWithSpaceAuthenticatesAsTheToken() {
        HttpResponse<String> r =
                h.send("GET", "/echo", null, "Authorization", "PVEAPIToken root@pam!ci=" + FakeAuth.TOKEN_SECRET);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(h.parse(r.body()).at("/data/principal").asText()).isEqualTo("root@pam!ci");
    }

    @Test
    void tokenHeaderIsUriUnescaped() {
        HttpResponse<String> r =
                h.send("GET", "/echo", null, "Authorization", "PVEAPIToken=root%40pam%21ci=" + FakeAuth.TOKEN_SECRET);

        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void tokenIdIsEverythingBeforeTheLastEqualsSign() {
        RawHttps.Response r = h.raw(
                "GET", "/api2/json/echo", "Authorization: PVEAPIToken=root@pam!ci=" + FakeAuth.TOKEN_SECRET + "=x");

        assertThat(r.status()).isEqualTo(401); // token id "root@pam!ci=<secret>" is not valid
    }

    @Test
    void tokenWritesNeedNoCsrfHeader() {
        HttpResponse<String> r = h.send("DELETE", "/echo?x=1", null, "Authorization", Harness.TOKEN);

        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void loginAnswersTicketCsrfTokenUsernameAndCap() {
        HttpResponse<String> r = h.send(
                "POST",
                "/access/ticket",
                "{\"username\":\"root@pam\",\"password\":\"" + FakeAuth.ROOT_PASSWORD + "\"}",
                "Content-Type",
                "application/json");

        JsonNode data = h.parse(r.body()).get("data");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(data.get("username").asText()).isEqualTo("root@pam");
        assertThat(data.get("ticket").asText()).matches("PVE:root@pam:[0-9A-F]{8}::[A-Za-z0-9+/=]+");
        assertThat(data.get("CSRFPreventionToken").asText()).matches("[0-9A-F]{8}:[A-Za-z0-9+/]{43}");
        assertThat(data.at("/cap/vms/VM.Allocate").asInt()).isEqualTo(1);
        assertThat(data.has("clustername")).isFalse();
    }

    @Test
    void loginInAClusterAnswersTheClusterName() {
        h.auth.clusterName("lab");

        HttpResponse<String> r = h.send(
                "POST",
                "/access/ticket",
                "username=root@pam&password=" + FakeAuth.ROOT_PASSWORD,
                "Content-Type",
                "application/x-www-form-urlencoded");

        assertThat(h.parse(r.body()).at("/data/clustername").asText()).isEqualTo("lab");
    }

    @Test
    void loginHonoursASeparateRealmParameter() {
        HttpResponse<String> r = h.send(
                "POST",
                "/access/ticket",
                "username=root&realm=pam&password=" + FakeAuth.ROOT_PASSWORD,
                "Content-Type",
                "application/x-www-form-urlencoded");

        assertThat(h.parse(r.body()).at("/data/username").asText()).isEqualTo("root@pam");
    }

    @Test
    void loginWithWrongPasswordGets401AuthenticationFailureAfterTheDelay() {
        RawHttps.Response r = h.rawWithBody(
                "POST",
                "/api2/json/access/ticket",
                "username=root@pam&password=bad",
                "Content-Type: application/x-www-form-urlencoded");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.reason()).isEqualTo("authentication failure");
        assertThat(h.parse(r.body()).get("message").asText()).isEqualTo("authentication failure\n");
        assertThat(h.sleeper.sleeps()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void ticketIsAcceptedFromTheAuthorizationHeader() {
        Harness.Login login = h.login();

        HttpResponse<String> r = h.send("GET", "/echo", null, "Authorization", "PVEAuthCookie=" + login.ticket());

        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void ticketCookieIsUriUnescaped() {
        Harness.Login login = h.login();
        String escaped = URLEncoder.encode(login.ticket(), StandardCharsets.UTF_8);

        HttpResponse<String> r = h.send("GET", "/echo", null, "Cookie", "other=1; PVEAuthCookie=" + escaped);

        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void oldTicketAsPasswordRenewsIt() {
        Harness.Login login = h.login();
        h.clock.advance(Duration.ofMinutes(90));

        HttpResponse<String> r = h.send(
                "POST",
                "/access/ticket",
                "username=root@pam&password=" + URLEncoder.encode(login.ticket(), StandardCharsets.UTF_8),
                "Content-Type",
                "application/x-www-form-urlencoded");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(h.parse(r.body()).at("/data/ticket").asText()).isNotEqualTo(login.ticket());
    }

    @Test
    void ticketExpiresAfterTwoHours() {
        Harness.Login login = h.login();
        h.clock.advance(Duration.ofHours(2));

        RawHttps.Response r = h.raw("GET", "/api2/json/echo", "Cookie: PVEAuthCookie=" + login.ticket());

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.reason()).isEqualTo("Authentication failed!");
    }

    @Test
    void ticketIsStillValidJustBeforeTwoHours() {
        Harness.Login login = h.login();
        h.clock.advance(Duration.ofHours(2).minusSeconds(1));

        HttpResponse<String> r = h.send("GET", "/echo", null, "Cookie", "PVEAuthCookie=" + login.ticket());

        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void newAuthKeyInvalidatesEarlierTickets() {
        Harness.Login login = h.login();
        h.auth.rotateAuthKey("auth-key-after-join");

        RawHttps.Response r = h.raw("GET", "/api2/json/echo", "Cookie: PVEAuthCookie=" + login.ticket());

        assertThat(r.status()).isEqualTo(401);
    }

    @Test
    void domainsNeedNoAuthentication() {
        HttpResponse<String> r = h.send("GET", "/access/domains", null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(h.parse(r.body()).findValuesAsText("realm")).containsExactlyInAnyOrder("pam", "pve");
    }

    @Test
    void ticketCallRefusesApiTokensWith403() {
        RawHttps.Response r = h.rawWithBody(
                "POST",
                "/api2/json/access/ticket",
                "username=root@pam&password=abc",
                "Authorization: " + Harness.TOKEN,
                "Content-Type: application/x-www-form-urlencoded");

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.reason())
                .isEqualTo(
                        "Permission check failed (URI '/access/ticket' not available with API token, need proper ticket.");
        assertThat(h.parse(r.body()).get("message").asText())
                .isEqualTo(
                        "Permission check failed (URI '/access/ticket' not available with API token, need proper ticket.\n)\n");
    }
}
