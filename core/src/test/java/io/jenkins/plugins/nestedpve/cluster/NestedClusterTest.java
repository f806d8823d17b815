package io.jenkins.plugins.nestedpve.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.events.PhaseTimings;
import io.jenkins.plugins.nestedpve.host.NestingMode;
import io.jenkins.plugins.nestedpve.spec.HostSshTarget;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NestedClusterTest {
    private static final String PASSWORD = "Zq8v3LmP0sR7tY2uW5xA9bC1";

    private final NestedCluster cluster = new NestedCluster(
            "np-ci-42",
            List.of(
                    new NestedNode("np-ci-42-n1", 80000, "10.0.0.10", Fixtures.API_FP, Fixtures.SSH_FP, 8006, 22),
                    new NestedNode(
                            "np-ci-42-n2", 80001, "10.0.0.11", "11:" + Fixtures.API_FP.substring(3), null, 8006, 22)),
            NestingMode.HARDWARE,
            "8.4.1",
            "lease-1",
            Fixtures.host().withSsh(HostSshTarget.root("pve1.lab", Fixtures.SSH_FP)),
            PhaseTimings.empty()
                    .plus(Phase.VALIDATE, null, Duration.ofMillis(300))
                    .plus(Phase.CLONE, "np-ci-42-n1", Duration.ofMillis(4200)),
            Instant.parse("2025-01-01T10:05:00Z"),
            null);

    @Test
    void environmentListsTheClusterThenEachNode() {
        assertThat(cluster.environment())
                .containsEntry("NESTED_PVE_CLUSTER", "np-ci-42")
                .containsEntry("NESTED_PVE_NODES", "np-ci-42-n1 np-ci-42-n2")
                .containsEntry("NESTED_PVE_NODE_COUNT", "2")
                .containsEntry("NESTED_PVE_IPS", "10.0.0.10 10.0.0.11")
                .containsEntry("NESTED_PVE_API_URL", "https://10.0.0.10:8006")
                .containsEntry("NESTED_PVE_FINGERPRINT", Fixtures.API_FP)
                .containsEntry("NESTED_PVE_NESTING", "hardware")
                .containsEntry("NESTED_PVE_SSH_PORT", "22")
                .containsEntry("NESTED_PVE_NODE2_NAME", "np-ci-42-n2")
                .containsEntry("NESTED_PVE_NODE2_IP", "10.0.0.11")
                .containsEntry("NESTED_PVE_NODE2_VMID", "80001")
                .doesNotContainKey("NESTED_PVE_ROOT_PASSWORD");
        assertThat(cluster.environment().keySet())
                .startsWith("NESTED_PVE_CLUSTER")
                .containsSubsequence("NESTED_PVE_VERSION", "NESTED_PVE_NODE1_NAME", "NESTED_PVE_NODE2_NAME");
    }

    @Test
    void passwordIsOnlyInTheSecretEnvironment() {
        assertThat(cluster.secretEnvironment(Secret.of(PASSWORD)))
                .containsExactly(java.util.Map.entry("NESTED_PVE_ROOT_PASSWORD", PASSWORD));
        assertThat(String.join("\n", cluster.environment().values())
                        + cluster.descriptorJson()
                        + cluster.ansibleInventory()
                        + cluster)
                .doesNotContain(PASSWORD);
    }

    @Test
    void descriptorRoundTrips() {
        String json = cluster.descriptorJson();
        assertThat(json).contains("\"format\" : \"nested-pve-cluster\"").contains("\"clone\" : {");
        assertThat(NestedCluster.fromDescriptorJson(json)).isEqualTo(cluster);
    }

    @Test
    void descriptorIsStable() {
        assertThat(cluster.descriptorJson()).isEqualTo(cluster.descriptorJson());
        assertThat(cluster.descriptorJson().lines().limit(4))
                .containsExactly(
                        "{",
                        "  \"format\" : \"nested-pve-cluster\",",
                        "  \"version\" : 1,",
                        "  \"cluster\" : \"np-ci-42\",");
    }

    @Test
    void foreignJsonIsRejectedWithAReason() {
        assertThatThrownBy(() -> NestedCluster.fromDescriptorJson("{\"format\":\"other\"}"))
                .hasMessageContaining("not a nested-pve cluster descriptor");
        assertThatThrownBy(() -> NestedCluster.fromDescriptorJson("{")).hasMessageContaining("invalid JSON");
    }

    @Test
    void inventoryHasBothGroupsAndNoPassword() {
        assertThat(cluster.ansibleInventory())
                .contains("[nested_pve]\nnp-ci-42-n1 ansible_host=10.0.0.10 ansible_port=22 ansible_user=root"
                        + " pve_vmid=80000 pve_fingerprint=" + Fixtures.API_FP + " pve_ssh_host_key=" + Fixtures.SSH_FP
                        + "\nnp-ci-42-n2 ansible_host=10.0.0.11 ansible_port=22 ansible_user=root pve_vmid=80001")
                .contains("\n[np_ci_42]\nnp-ci-42-n1\nnp-ci-42-n2\n")
                .contains("[nested_pve:vars]\npve_cluster=np-ci-42\n")
                .doesNotContain("password=");
    }

    @Test
    void writesDescriptorAndInventoryAndNamesThemInTheEnvironment(@TempDir Path dir) throws Exception {
        OutputFiles files = cluster.writeFiles(dir.resolve("out"));
        assertThat(Files.readString(files.descriptor())).isEqualTo(cluster.descriptorJson());
        assertThat(Files.readString(files.inventory())).isEqualTo(cluster.ansibleInventory());
        assertThat(cluster.environment(files))
                .containsEntry("NESTED_PVE_DESCRIPTOR", files.descriptor().toString())
                .containsEntry("NESTED_PVE_INVENTORY", files.inventory().toString());
    }

    @Test
    void aSymlinkAtThePredictableTemporaryNameIsNotFollowed(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path victim = Files.writeString(dir.resolve("victim"), "precious");
        Files.createSymbolicLink(out.resolve("np-ci-42.json.tmp"), victim);

        OutputFiles files = cluster.writeFiles(out);

        assertThat(Files.readString(victim)).isEqualTo("precious");
        assertThat(Files.readString(files.descriptor())).isEqualTo(cluster.descriptorJson());
    }

    @Test
    void aSymlinkAtTheTargetIsReplacedNotFollowed(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path victim = Files.writeString(dir.resolve("victim"), "precious");
        Files.createSymbolicLink(out.resolve("np-ci-42-inventory.ini"), victim);

        OutputFiles files = cluster.writeFiles(out);

        assertThat(Files.readString(victim)).isEqualTo("precious");
        assertThat(Files.isSymbolicLink(files.inventory())).isFalse();
    }

    @Test
    void aSingleNodeIsNotClustered() {
        NestedCluster one = new NestedCluster(
                "np-one",
                List.of(cluster.firstNode()),
                NestingMode.UNKNOWN,
                null,
                "l",
                Fixtures.host(),
                null,
                Instant.EPOCH,
                null);
        assertThat(one.clustered()).isFalse();
        assertThat(one.environment()).containsEntry("NESTED_PVE_CLUSTERED", "false");
    }

    @Test
    void isJavaSerializable() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(cluster);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(cluster);
        }
    }

    @Test
    void rePinsAFingerprint() {
        NestedNode n = cluster.firstNode().withApiFingerprint("NEW");
        assertThat(n.apiFingerprint()).isEqualTo("NEW");
        assertThat(n.vmid()).isEqualTo(80000);
        assertThat(new NestedNode("x1", 1, "fd00::5", null, null, 8006, 22).apiUrl())
                .isEqualTo("https://[fd00::5]:8006");
    }
}
