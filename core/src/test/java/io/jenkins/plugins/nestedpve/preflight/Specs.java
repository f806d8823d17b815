package io.jenkins.plugins.nestedpve.preflight;

import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.spec.ClusterSpecBuilder;
import io.jenkins.plugins.nestedpve.spec.HostRef;
import java.util.UUID;

/** Valid specs for the preflight tests. */
final class Specs {
    static final String API_FP =
            "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";

    private Specs() {}

    static ClusterSpecBuilder spec() {
        return ClusterSpec.builder()
                .host(HostRef.of("https://pve1.lab:8006", "pve1", API_FP))
                .templateVmid(9000)
                .clusterName("np-ci-42")
                .owner("https://ci.example.com/job/pve-upgrade/")
                .buildRef("pve-upgrade#42")
                .installationId(UUID.fromString("3f1c2a6e-9b7d-4c1e-8f00-123456789abc"));
    }
}
