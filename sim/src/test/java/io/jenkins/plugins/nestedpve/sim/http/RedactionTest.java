package io.jenkins.plugins.nestedpve.sim.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactionTest {
    @Test
    void secretNamedParametersAreRedacted() {
        Map<String, Object> out = Redaction.params(Map.of(
                "password",
                "a",
                "new-password",
                "b",
                "cipassword",
                "c",
                "PVEAuthCookie",
                "d",
                "key",
                "e",
                "tfa-challenge",
                "f",
                "otp",
                "g"));

        assertThat(out).allSatisfy((k, v) -> assertThat(v).as(k).isEqualTo(Redaction.REDACTED));
    }

    @Test
    void publicParametersAreKept() {
        Map<String, Object> out = Redaction.params(Map.of(
                "sshkeys", "ssh-ed25519%20AAAA", "tokenid", "ci", "hotplug", "disk,network", "username", "root@pam"));

        assertThat(out)
                .containsEntry("sshkeys", "ssh-ed25519%20AAAA")
                .containsEntry("tokenid", "ci")
                .containsEntry("hotplug", "disk,network")
                .containsEntry("username", "root@pam");
    }

    @Test
    void secretsNestedInJsonBodiesAreRedacted() {
        Map<String, Object> out = Redaction.params(Map.of("list", List.of(Map.of("password", "x", "name", "n"))));

        assertThat(out.get("list")).isEqualTo(List.of(Map.of("password", Redaction.REDACTED, "name", "n")));
    }
}
