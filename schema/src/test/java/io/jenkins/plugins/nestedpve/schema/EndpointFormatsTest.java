package io.jenkins.plugins.nestedpve.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every endpoint the tool uses exists in both schemas and uses only implemented formats. */
class EndpointFormatsTest {
    static final List<String[]> ENDPOINTS = List.of(
            e("GET", "/version"),
            e("GET", "/nodes"),
            e("GET", "/nodes/pve1/status"),
            e("GET", "/nodes/pve1/storage"),
            e("GET", "/nodes/pve1/network"),
            e("GET", "/access/permissions"),
            e("POST", "/access/ticket"),
            e("GET", "/cluster/nextid"),
            e("GET", "/cluster/resources"),
            e("GET", "/nodes/pve1/qemu"),
            e("POST", "/nodes/pve1/qemu"),
            e("DELETE", "/nodes/pve1/qemu/100"),
            e("POST", "/nodes/pve1/qemu/100/clone"),
            e("GET", "/nodes/pve1/qemu/100/config"),
            e("PUT", "/nodes/pve1/qemu/100/config"),
            e("POST", "/nodes/pve1/qemu/100/config"),
            e("POST", "/nodes/pve1/qemu/100/status/start"),
            e("POST", "/nodes/pve1/qemu/100/status/stop"),
            e("POST", "/nodes/pve1/qemu/100/status/shutdown"),
            e("POST", "/nodes/pve1/qemu/100/status/reboot"),
            e("GET", "/nodes/pve1/qemu/100/status/current"),
            e("POST", "/nodes/pve1/qemu/100/agent/ping"),
            e("GET", "/nodes/pve1/qemu/100/agent/network-get-interfaces"),
            e("POST", "/nodes/pve1/qemu/100/agent/exec"),
            e("GET", "/nodes/pve1/qemu/100/agent/exec-status"),
            e("GET", "/nodes/pve1/tasks/UPID:pve1:0001:0002:0003:qmstart:100:root@pam:/status"),
            e("GET", "/nodes/pve1/tasks/UPID:pve1:0001:0002:0003:qmstart:100:root@pam:/log"),
            e("GET", "/cluster/config"),
            e("POST", "/cluster/config"),
            e("GET", "/cluster/config/join"),
            e("POST", "/cluster/config/join"),
            e("GET", "/cluster/config/nodes"),
            e("GET", "/cluster/status"),
            e("GET", "/nodes/pve1/certificates/info"),
            e("POST", "/access/users/ci@pve/token/nested"),
            e("GET", "/access/users/ci@pve/token/nested"),
            e("DELETE", "/access/users/ci@pve/token/nested"),
            e("POST", "/nodes/pve1/qemu/100/template"));

    private static String[] e(String method, String path) {
        return new String[] {method, path};
    }

    @Test
    void everyEndpointExistsIn91And84() {
        for (ApiSchema schema : List.of(Schemas.v91(), Schemas.v84())) {
            List<String> missing = ENDPOINTS.stream()
                    .filter(ep -> schema.route(ep[0], ep[1]).isEmpty())
                    .map(ep -> ep[0] + " " + ep[1])
                    .toList();
            assertThat(missing)
                    .as("endpoints missing in PVE " + schema.version())
                    .isEmpty();
        }
    }

    @Test
    void everyFormatTheEndpointsUseIsImplemented() {
        for (ApiSchema schema : List.of(Schemas.v91(), Schemas.v84())) {
            Map<String, Set<String>> unimplemented = new TreeMap<>();
            for (String[] ep : ENDPOINTS) {
                schema.route(ep[0], ep[1]).ifPresent(r -> {
                    Set<String> formats = r.spec().unimplementedFormats();
                    if (!formats.isEmpty()) {
                        unimplemented.put(ep[0] + " " + r.template(), new TreeSet<>(formats));
                    }
                });
            }
            assertThat(unimplemented)
                    .as("formats accepted unchecked in PVE " + schema.version())
                    .isEmpty();
        }
    }

    @Test
    void unimplementedFormatsAreReportedElsewhere() {
        MethodSpec firewall = Schemas.v91()
                .route("POST", "/cluster/firewall/rules")
                .orElseThrow()
                .spec();
        assertThat(firewall.unimplementedFormats()).contains("pve-fw-addr-spec");
    }
}
