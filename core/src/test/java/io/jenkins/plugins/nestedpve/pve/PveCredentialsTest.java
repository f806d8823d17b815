package io.jenkins.plugins.nestedpve.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PveCredentialsTest {
    private static final String SECRET = "0123abcd-4567-89ab-cdef-0123456789ab";
    private static final String FP =
            "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";

    @Test
    void parsesATokenSpec() {
        PveCredentials.ApiToken t = PveCredentials.apiToken("ci@pve!jenkins=" + SECRET);

        assertThat(t.userid()).isEqualTo("ci@pve");
        assertThat(t.tokenId()).isEqualTo("jenkins");
        assertThat(t.secret()).isEqualTo(SECRET);
        assertThat(t.principal()).isEqualTo("ci@pve!jenkins");
        assertThat(t.authorizationHeader()).isEqualTo("PVEAPIToken=ci@pve!jenkins=" + SECRET);
    }

    @Test
    void acceptsThePveApiTokenPrefix() {
        assertThat(PveCredentials.apiToken("PVEAPIToken=root@pam!ci=" + SECRET).fullTokenId())
                .isEqualTo("root@pam!ci");
    }

    @Test
    void buildsATokenFromItsIdAndSecretStoredApart() {
        assertThat(PveCredentials.ApiToken.of("root@pam!ci", SECRET).tokenId()).isEqualTo("ci");
    }

    @Test
    void rejectsASpecWithoutTokenIdExplainingTheFormat() {
        assertThatThrownBy(() -> PveCredentials.apiToken("ci@pve=" + SECRET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user@realm!tokenid=secret")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void rejectsANonUuidSecretWithoutEchoingIt() {
        assertThatThrownBy(() -> PveCredentials.apiToken("ci@pve!jenkins=hunter2"))
                .hasMessageContaining("is not a UUID")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void rejectsAUserWithoutRealm() {
        assertThatThrownBy(() -> PveCredentials.apiToken("ci!jenkins=" + SECRET))
                .hasMessageContaining("user@realm");
    }

    @Test
    void rejectsATokenIdStartingWithADigit() {
        assertThatThrownBy(() -> PveCredentials.apiToken("ci@pve!1x=" + SECRET))
                .hasMessageContaining("must start with a letter");
    }

    @Test
    void tokenToStringHidesTheSecret() {
        assertThat(PveCredentials.apiToken("ci@pve!jenkins=" + SECRET).toString())
                .contains("ci@pve!jenkins")
                .doesNotContain(SECRET);
    }

    @Test
    void passwordToStringHidesThePassword() {
        PveCredentials.PasswordTicket p = PveCredentials.rootTicket("s3cr3t-pw");

        assertThat(p.toString()).contains("root@pam").doesNotContain("s3cr3t-pw");
        assertThat(p.isRootPam()).isTrue();
        assertThat(p.isToken()).isFalse();
    }

    @Test
    void endpointToStringHidesTheSecret() {
        PveEndpoint e = new PveEndpoint(
                "pve.lab",
                8006,
                "pve",
                Fingerprint.parse(FP),
                PveCredentials.apiToken("ci@pve!jenkins=" + SECRET),
                PveTimeouts.DEFAULTS);

        assertThat(e.toString()).contains("pve.lab:8006").contains(FP).doesNotContain(SECRET);
        assertThat(e.baseUri()).hasToString("https://pve.lab:8006/api2/json");
    }

    @Test
    void endpointBracketsIpv6Hosts() {
        PveEndpoint e = new PveEndpoint(
                "fd00::5", 8006, null, Fingerprint.parse(FP), PveCredentials.rootTicket("pw"), PveTimeouts.DEFAULTS);

        assertThat(e.baseUri()).hasToString("https://[fd00::5]:8006/api2/json");
    }

    @Test
    void builderRequiresAFingerprint() {
        assertThatThrownBy(() -> PveClient.builder()
                        .host("pve.lab")
                        .credentials(PveCredentials.rootTicket("pw"))
                        .build())
                .hasMessageContaining("fingerprint")
                .hasMessageContaining("pvenode cert info");
    }

    @Test
    void builderRejectsAnInvalidNodeName() {
        assertThatThrownBy(() -> PveClient.builder()
                        .host("pve.lab")
                        .node("bad_node")
                        .fingerprint(FP)
                        .credentials(PveCredentials.rootTicket("pw"))
                        .build())
                .hasMessageContaining("bad_node");
    }
}
