package io.jenkins.plugins.nestedpve.schema;

import static io.jenkins.plugins.nestedpve.schema.Schemas.check;
import static io.jenkins.plugins.nestedpve.schema.Schemas.params;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConstraintTest {
    private static final String CLUSTER_CONFIG = "/cluster/config";
    private static final String JOIN = "/cluster/config/join";
    private static final String FINGERPRINT =
            "AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99";

    @Test
    void minimumViolation() {
        assertThat(check("POST", CLUSTER_CONFIG, params("clustername", "lab", "votes", "0"), false))
                .containsExactlyEntriesOf(Map.of("votes", "value must have a minimum value of 1"));
    }

    @Test
    void maximumViolation() {
        assertThat(check("POST", "/nodes/pve1/qemu/100/config", params("cores", "2", "background_delay", "31"), false))
                .containsExactlyEntriesOf(Map.of("background_delay", "value must have a maximum value of 30"));
    }

    @Test
    void maxLengthViolationOnClusterName() {
        assertThat(check("POST", CLUSTER_CONFIG, params("clustername", "abcdefghijklmnop"), false))
                .containsExactlyEntriesOf(Map.of("clustername", "value may only be 15 characters long"));
        assertThat(check("POST", CLUSTER_CONFIG, params("clustername", "abcdefghijklmno"), false))
                .isEmpty();
    }

    @Test
    void minLengthViolation() {
        assertThat(check("POST", "/access/users", params("userid", "bob@pve", "password", "short"), false))
                .containsExactlyEntriesOf(Map.of("password", "value must be at least 8 characters long"));
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        String emoji = "\uD83D\uDE00"; // one character, two UTF-16 units
        assertThat(check("POST", "/access/users", params("userid", "bob@pve", "password", emoji.repeat(4)), false))
                .containsExactlyEntriesOf(Map.of("password", "value must be at least 8 characters long"));
        assertThat(check("POST", "/access/users", params("userid", "bob@pve", "password", emoji.repeat(8)), false))
                .isEmpty();
    }

    @Test
    void patternViolationOnJoinFingerprint() {
        var ok = params("hostname", "10.0.0.1", "fingerprint", FINGERPRINT, "password", "secret");
        assertThat(check("POST", JOIN, ok, false)).isEmpty();
        var bad = params("hostname", "10.0.0.1", "fingerprint", FINGERPRINT.substring(3), "password", "secret");
        assertThat(check("POST", JOIN, bad, false))
                .containsExactlyEntriesOf(Map.of("fingerprint", "value does not match the regex pattern"));
    }

    @Test
    void patternMustMatchTheWholeValue() {
        var bad = params("hostname", "h", "fingerprint", FINGERPRINT + ":AA", "password", "p");
        assertThat(check("POST", JOIN, bad, false)).containsKey("fingerprint");
    }

    @Test
    void enumViolationListsTheValues() {
        assertThat(check("GET", "/cluster/resources", params("type", "qemu"), false))
                .containsExactlyEntriesOf(Map.of(
                        "type", "value 'qemu' does not have a value in the enumeration 'vm, storage, node, sdn'"));
        assertThat(check("GET", "/cluster/resources", params("type", "vm"), false))
                .isEmpty();
    }

    @Test
    void joinPasswordLongerThan128IsRejected() {
        var bad = params("hostname", "h", "fingerprint", FINGERPRINT, "password", "x".repeat(129));
        assertThat(check("POST", JOIN, bad, false))
                .containsExactlyEntriesOf(Map.of("password", "value may only be 128 characters long"));
    }

    @Test
    void formatIsCheckedBeforeTheNumericBound() {
        // pve-vmid's format rejects 99 before 'minimum' is looked at, as in PVE
        assertThat(check("GET", "/cluster/nextid", params("vmid", "99"), false))
                .containsExactlyEntriesOf(Map.of("vmid", "invalid format - value does not look like a valid VM ID\n"));
    }
}
