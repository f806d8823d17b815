package io.jenkins.plugins.nestedpve.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.host.NestingPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ClusterSpecTest {

    private static List<SpecProblem> problems(UnaryOperator<ClusterSpecBuilder> change) {
        try {
            change.apply(Fixtures.spec()).build();
            return List.of();
        } catch (SpecValidationException e) {
            return e.problems();
        }
    }

    private static SpecProblem only(UnaryOperator<ClusterSpecBuilder> change) {
        List<SpecProblem> p = problems(change);
        assertThat(p).hasSize(1);
        return p.get(0);
    }

    @Test
    void validSpecGetsRealisticDefaults() {
        ClusterSpec spec = Fixtures.spec().build();
        assertThat(spec.nodes()).isEqualTo(3);
        assertThat(spec.fullClone()).isFalse();
        assertThat(spec.bridge()).isEqualTo("vmbr0");
        assertThat(spec.addressing()).isInstanceOf(Addressing.Dhcp.class);
        assertThat(spec.nesting()).isEqualTo(NestingPolicy.REQUIRE);
        assertThat(spec.smokeCheck()).isTrue();
        assertThat(spec.guestSshPort()).isEqualTo(22);
        assertThat(spec.guestApiPort()).isEqualTo(8006);
        assertThat(spec.keepOnFailure()).isZero();
        assertThat(spec.timeouts().overall()).isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void nodeNamesDeriveFromTheClusterName() {
        ClusterSpec spec = Fixtures.spec().clusterName("NP-CI-42").build();
        assertThat(spec.nodeNames()).containsExactly("np-ci-42-n1", "np-ci-42-n2", "np-ci-42-n3");
    }

    @Test
    void defaultClusterNameIsNpAndSixBase36Characters() {
        ClusterSpec spec =
                Fixtures.spec().clusterName(null).random(new Random(7)).build();
        assertThat(spec.clusterName()).matches("np-[0-9a-z]{6}");
        assertThat(Fixtures.spec()
                        .clusterName(null)
                        .random(new Random(7))
                        .build()
                        .clusterName())
                .isEqualTo(spec.clusterName());
    }

    @Test
    void oneNodeIsAStandaloneGuest() {
        ClusterSpec spec = Fixtures.spec().nodes(1).build();
        assertThat(spec.clustered()).isFalse();
        assertThat(spec.nodeNames()).containsExactly("np-ci-42-n1");
    }

    @Test
    void nodeCountOutOfRangeSaysWhatToSet() {
        assertThat(only(b -> b.nodes(0)).toString())
                .isEqualTo("nodes: must be between 1 and 32, got 0 — set nodes to the number of PVE guests to create"
                        + " (1 = a standalone node)");
        assertThat(only(b -> b.nodes(33)).field()).isEqualTo("nodes");
    }

    @Test
    void invalidClusterNameGivesAnExample() {
        assertThat(only(b -> b.clusterName("my_cluster")).toString())
                .startsWith("clusterName: 'my_cluster' is not a valid PVE cluster name (letters, digits and '-'")
                .endsWith("— e.g. 'np-ci-42'");
        assertThat(only(b -> b.clusterName("a-very-long-cluster")).field()).isEqualTo("clusterName");
        assertThat(only(b -> b.clusterName("-x")).field()).isEqualTo("clusterName");
    }

    @Test
    void nodeNamePrefixMustGiveDnsLabels() {
        assertThat(only(b -> b.nodeNamePrefix("Node_")).field()).isEqualTo("nodeNamePrefix");
        assertThat(only(b -> b.nodeNamePrefix("n".repeat(63))).message()).contains("at most 63 characters");
        assertThat(problems(b -> b.nodeNamePrefix("n".repeat(62)).nodes(9))).isEmpty();
    }

    @Test
    void hostIsRequired() {
        assertThat(only(b -> b.host(null)).field()).isEqualTo("host");
    }

    @Test
    void apiUrlMustBeHttps() {
        SpecProblem p = only(b -> b.host(HostRef.of("http://pve1:8006", "pve1", Fixtures.API_FP)));
        assertThat(p.field()).isEqualTo("host.apiUrl");
        assertThat(p.message()).contains("https://pve1.example.com:8006");
    }

    @Test
    void hostNodeMustBeAPveNodeName() {
        assertThat(only(b -> b.host(HostRef.of("https://pve1:8006", "pve_1", Fixtures.API_FP)))
                        .field())
                .isEqualTo("host.node");
    }

    @Test
    void apiFingerprintMustBeThirtyTwoHexPairsAndSaysWhereToReadIt() {
        SpecProblem p = only(b -> b.host(HostRef.of("https://pve1:8006", "pve1", "AB:CD")));
        assertThat(p.field()).isEqualTo("host.apiFingerprint");
        assertThat(p.message()).contains("openssl x509 -noout -fingerprint -sha256");
    }

    @Test
    void sshTargetIsChecked() {
        HostSshTarget bad = new HostSshTarget("pve1", 0, "Root User", "MD5:aa");
        List<SpecProblem> p = problems(b -> b.host(Fixtures.host().withSsh(bad)));
        assertThat(p)
                .extracting(SpecProblem::field)
                .containsExactly("host.ssh.port", "host.ssh.user", "host.ssh.hostKeyFingerprint");
        assertThat(problems(b -> b.host(Fixtures.host().withSsh(HostSshTarget.root("pve1", Fixtures.SSH_FP)))))
                .isEmpty();
    }

    @Test
    void templateIsRequiredAndChecked() {
        assertThat(only(b -> b.template(null)).message()).contains("VMID or the name");
        assertThat(only(b -> b.templateVmid(42)).message()).contains("outside 100..999999999");
        assertThat(only(b -> b.templateName("pve 8.4")).field()).isEqualTo("template");
        assertThat(problems(b -> b.templateName("pve84-tmpl"))).isEmpty();
    }

    @Test
    void coresAndMemoryHaveBounds() {
        assertThat(only(b -> b.cores(0)).field()).isEqualTo("cores");
        assertThat(only(b -> b.memoryMiB(512)).message()).contains("got 512").contains("at least 1 GiB");
    }

    @Test
    void storageIsOnlyForFullClones() {
        assertThat(only(b -> b.storage("local-lvm")).message()).startsWith("a linked clone stays on the template");
        ClusterSpec full = Fixtures.spec().fullClone("local-lvm").build();
        assertThat(full.storage()).contains("local-lvm");
        assertThat(only(b -> b.fullClone("Local LVM")).field()).isEqualTo("storage");
    }

    @Test
    void bridgeAndVlanAreChecked() {
        assertThat(only(b -> b.bridge("vmbr0; reboot")).field()).isEqualTo("bridge");
        assertThat(only(b -> b.vlanTag(4095)).toString())
                .isEqualTo("vlanTag: must be between 1 and 4094, got 4095 — or leave it unset for an untagged port");
        assertThat(Fixtures.spec().vlanTag(10).build().vlanTag()).hasValue(10);
    }

    @Test
    void portsMustBeValid() {
        assertThat(problems(b -> b.guestSshPort(0).guestApiPort(70000)))
                .extracting(SpecProblem::field)
                .containsExactly("guestSshPort", "guestApiPort");
    }

    @Test
    void enableNeedsSshToTheHost() {
        assertThat(only(b -> b.nesting(NestingPolicy.ENABLE)).message()).contains("needs SSH access");
        assertThat(problems(b -> b.nesting(NestingPolicy.ENABLE)
                        .host(Fixtures.host().withSsh(HostSshTarget.root("pve1", Fixtures.SSH_FP)))))
                .isEmpty();
    }

    @Test
    void vmidRangeMustHoldEveryNode() {
        assertThat(only(b -> b.vmidRange(9000, 9001)).toString())
                .isEqualTo("vmidRange: 9000..9001 holds 2 VMIDs but nodes is 3 — widen the range to at least 3 VMIDs");
        assertThat(only(b -> b.vmidRange(50, 60)).field()).isEqualTo("vmidRange");
        assertThat(only(b -> b.vmidRange(900, 800)).field()).isEqualTo("vmidRange");
    }

    @Test
    void timeoutsMustBePositive() {
        SpecProblem p = only(b -> b.timeouts(Timeouts.defaults().withJoin(Duration.ZERO)));
        assertThat(p.toString()).isEqualTo("timeouts.join: must be positive, got PT0S — e.g. PT5M");
    }

    @Test
    void aSmokeCheckContainerNeedsTheSmokeCheck() {
        SpecProblem p = only(b -> b.smokeCheck(false).smokeCheckContainer(true));
        assertThat(p.field()).isEqualTo("smokeCheckContainer");
        assertThat(p.toString()).contains("set smokeCheck to true or smokeCheckContainer to false");
        assertThat(Fixtures.spec().smokeCheckContainer(true).build().smokeCheckContainer())
                .isTrue();
        assertThat(Fixtures.spec().build().smokeCheckContainer()).isFalse();
    }

    @Test
    void keepOnFailureMustNotBeNegative() {
        assertThat(only(b -> b.keepOnFailure(Duration.ofMinutes(-1))).field()).isEqualTo("keepOnFailure");
        assertThat(Fixtures.spec().keepOnFailure(Duration.ofHours(2)).build().keepOnFailure())
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void ownerBuildAndInstallationAreRequired() {
        assertThat(problems(b -> b.owner(" ").buildRef("a\nb").installationId(null)))
                .extracting(SpecProblem::field)
                .containsExactly("owner", "buildRef", "installationId");
    }

    @Test
    void staticPoolIsChecked() {
        assertThat(problems(
                        b -> b.addressing(Addressing.staticPool(List.of("10.0.0.10-10.0.0.12"), 24, "10.0.0.1", null))))
                .isEmpty();
        assertThat(only(b -> b.addressing(
                                Addressing.staticPool(List.of("10.0.0.10", "10.0.0.11"), 24, "10.0.0.1", null)))
                        .message())
                .contains("holds 2 usable addresses")
                .contains("nodes is 3");
        assertThat(only(b -> b.addressing(Addressing.staticPool(List.of("10.0.0.8/29"), 24, "10.0.0.300", null)))
                        .field())
                .isEqualTo("addressing.gateway");
        assertThat(only(b -> b.addressing(Addressing.staticPool(List.of("10.1.0.8/29"), 24, "10.0.0.1", null)))
                        .message())
                .contains("'10.1.0.8/29' is not within the gateway's subnet 10.0.0.1/24");
        assertThat(only(b -> b.addressing(Addressing.staticPool(List.of("10.0.0.x"), 24, "10.0.0.1", null)))
                        .message())
                .contains("'10.0.0.x' is not an IPv4 address");
        assertThat(only(b -> b.addressing(Addressing.staticPool(List.of(), 24, "10.0.0.1", null)))
                        .message())
                .contains("is empty");
    }

    @Test
    void everyProblemIsCollectedInOneException() {
        assertThatThrownBy(() -> Fixtures.spec()
                        .nodes(0)
                        .clusterName("my_cluster")
                        .cores(0)
                        .vlanTag(0)
                        .owner(null)
                        .build())
                .isInstanceOfSatisfying(SpecValidationException.class, e -> {
                    assertThat(e.problems())
                            .extracting(SpecProblem::field)
                            .containsExactly("nodes", "cores", "vlanTag", "clusterName", "owner")
                            .doesNotHaveDuplicates();
                    assertThat(e.getMessage())
                            .startsWith("the cluster spec has 5 problems (nothing was created):")
                            .contains("\n  - nodes: must be between 1 and 32, got 0");
                });
    }

    @Test
    void toBuilderKeepsEverything() {
        ClusterSpec spec = Fixtures.spec().nodes(2).vlanTag(7).build();
        assertThat(spec.toBuilder().build().toString()).isEqualTo(spec.toString());
    }

    @Test
    void toStringNamesTheClusterAndHoldsNoCredentials() {
        ClusterSpec spec = Fixtures.spec().build();
        assertThat(spec.toString())
                .contains("np-ci-42", "pve1", "template 9000")
                .doesNotContain("secret");
    }

    @Test
    void aPoolIdThatPveWouldRefuseIsNamedAsHostPool() {
        assertThatThrownBy(() -> Fixtures.spec().pool("ci pool").build())
                .isInstanceOf(SpecValidationException.class)
                .hasMessageContaining("host.pool")
                .hasMessageContaining("is not a PVE pool id");
        assertThat(Fixtures.spec().pool("lab/ci").build().pool()).contains("lab/ci");
    }
}
