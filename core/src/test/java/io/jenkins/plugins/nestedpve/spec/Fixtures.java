package io.jenkins.plugins.nestedpve.spec;

import java.util.UUID;

/** Valid values for building specs in tests. */
final class Fixtures {
    static final String API_FP =
            "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";
    static final String SSH_FP = "SHA256:8kn1NQg/K2zpM0Ixqk6fuAETplTSdmYSOiok6u79ReU";
    static final UUID INSTALLATION = UUID.fromString("3f1c2a6e-9b7d-4c1e-8f00-123456789abc");

    private Fixtures() {}

    static HostRef host() {
        return HostRef.of("https://pve1.lab:8006", "pve1", API_FP);
    }

    static ClusterSpecBuilder spec() {
        return ClusterSpec.builder()
                .host(host())
                .templateVmid(9000)
                .clusterName("np-ci-42")
                .owner("https://ci.example.com/job/pve-upgrade/")
                .buildRef("pve-upgrade#42")
                .installationId(INSTALLATION);
    }
}
