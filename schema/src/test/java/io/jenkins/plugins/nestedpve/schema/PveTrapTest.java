package io.jenkins.plugins.nestedpve.schema;

import static io.jenkins.plugins.nestedpve.schema.Schemas.check;
import static io.jenkins.plugins.nestedpve.schema.Schemas.params;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The traps of pve-facts.md section 9 that parameter checking catches. */
class PveTrapTest {
    private static final String CONFIG = "/nodes/pve1/qemu/100/config";
    private static final String CLONE = "/nodes/pve1/qemu/100/clone";
    private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq+x/y ci@lab";

    @Test
    void urlencodedTrueIsRejectedButJsonTrueIsAccepted() {
        assertThat(check("POST", CLONE, params("newid", "101", "full", "true"), false))
                .containsExactlyEntriesOf(Map.of("full", "type check ('boolean') failed - got 'true'"));
        assertThat(check("POST", CLONE, params("newid", 101, "full", true), true))
                .isEmpty();
    }

    @Test
    void sshkeysWithRawSpacesAreRejected() {
        assertThat(check("POST", CONFIG, params("sshkeys", KEY), false))
                .containsExactlyEntriesOf(
                        Map.of("sshkeys", "invalid format - invalid urlencoded string: " + KEY + "\n"));
    }

    @Test
    void sshkeysEncodedWithPlusForSpaceAreRejected() {
        // java.net.URLEncoder output: spaces become '+', which PVE's urlencoded format refuses
        String plus = java.net.URLEncoder.encode(KEY, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(plus).contains("+");
        assertThat(check("POST", CONFIG, params("sshkeys", plus), false))
                .containsExactlyEntriesOf(
                        Map.of("sshkeys", "invalid format - invalid urlencoded string: " + plus + "\n"));
    }

    @Test
    void sshkeysStrictlyPercentEncodedAreAccepted() {
        String strict = java.net.URLEncoder.encode(KEY + "\n", java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
        assertThat(strict).contains("%20").contains("%2B").contains("%0A");
        assertThat(check("POST", CONFIG, params("sshkeys", strict), false)).isEmpty();
        assertThat(check("POST", CONFIG, params("sshkeys", strict), true)).isEmpty();
    }

    @Test
    void vmNameMustBeADnsName() {
        assertThat(check("POST", CONFIG, params("name", "k8s_node_1"), false))
                .containsExactlyEntriesOf(
                        Map.of("name", "invalid format - value does not look like a valid DNS name\n"));
    }

    @Test
    void cloneWithUnknownParameterIsRejected() {
        assertThat(check("POST", CLONE, params("newid", "101", "linked", "1"), false))
                .containsExactlyEntriesOf(Map.of("linked", Checker.NOT_DEFINED));
    }

    @Test
    void cloneNewidBelow100IsRejected() {
        assertThat(check("POST", CLONE, params("newid", "99"), false))
                .containsExactlyEntriesOf(Map.of("newid", "invalid format - value does not look like a valid VM ID\n"));
    }

    @Test
    void cloneWithoutNewidIsRejected() {
        assertThat(check("POST", CLONE, params("name", "n1"), false))
                .containsExactlyEntriesOf(Map.of("newid", Checker.NOT_OPTIONAL));
    }

    @Test
    void netWithBadModelBridgeAndTagReportsEverySubKey() {
        assertThat(check("POST", CONFIG, params("net0", "virtio9,bridge=vm br0,tag=0"), false)
                        .get("net0"))
                .startsWith("invalid format - format error\n")
                .contains("net0.bridge: invalid format - invalid bridge ID 'vm br0'\n\n")
                .contains("net0.model: value 'virtio9' does not have a value in the enumeration")
                .contains("net0.tag: value must have a minimum value of 1\n");
    }

    @Test
    void tagsAreValidatedOneByOne() {
        assertThat(check("POST", CONFIG, params("tags", "nested-pve;owner.ci"), false))
                .isEmpty();
        assertThat(check("POST", CONFIG, params("tags", "nested-pve;owner:ci"), false))
                .containsExactlyEntriesOf(Map.of("tags", "invalid format - invalid characters in tag\n"));
    }

    @Test
    void cpuHostIsAccepted() {
        assertThat(check("POST", CONFIG, params("cpu", "host"), false)).isEmpty();
    }

    @Test
    void clusterNameLongerThan15IsRejected() {
        assertThat(check("POST", "/cluster/config", params("clustername", "nested-pve-cluster"), false))
                .containsExactlyEntriesOf(Map.of("clustername", "value may only be 15 characters long"));
    }

    @Test
    void joinFingerprintMustBeSha256Colons() {
        String lower =
                "aa:bb:cc:dd:ee:ff:00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff:00:11:22:33:44:55:66:77:88:99";
        var params = params("hostname", "10.0.0.1", "password", "pw", "fingerprint", lower);
        assertThat(check("POST", "/cluster/config/join", params, false)).isEmpty();
        params.put("fingerprint", lower.replace(":", ""));
        assertThat(check("POST", "/cluster/config/join", params, false))
                .containsExactlyEntriesOf(Map.of("fingerprint", "value does not match the regex pattern"));
    }

    @Test
    void upidPathParameterRoutesToTheTaskStatus() {
        String upid = "UPID:pve2:00001F2A:00A1B2C3:66A0B1C2:clusterjoin::root@pam:";
        Route r = Schemas.v91()
                .route("GET", "/nodes/pve2/tasks/" + upid + "/status")
                .orElseThrow();
        assertThat(r.pathParams()).containsEntry("upid", upid);
        assertThat(Schemas.v91().validate(r, Map.of(), false)).isEmpty();
    }

    @Test
    void createTokenPathParametersAreValidated() {
        assertThat(check("POST", "/access/users/ci@pve/token/nested", params("privsep", "1", "expire", "0"), false))
                .isEmpty();
        assertThat(check("POST", "/access/users/ci@pve/token/1bad", params(), false))
                .containsExactlyEntriesOf(Map.of("tokenid", "value does not match the regex pattern"));
    }
}
