package io.jenkins.plugins.nestedpve.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The rules that the plugin, the spec file and the core used to write differently, now written once. */
class SpecRulesTest {
    private static final String FP_PLAIN = Fixtures.API_FP.replace(":", "").toLowerCase();

    @Test
    void aTemplateOfDigitsIsAVmidAndMustBeInPvesRange() {
        assertThat(SpecRules.templateRef("42")).isEqualTo(TemplateRef.ofVmid(42));
        assertThat(SpecRules.template(SpecRules.templateRef("42")))
                .get()
                .extracting(SpecProblem::message)
                .asString()
                .startsWith("VMID 42 is outside 100..999999999");
        assertThat(SpecRules.template(SpecRules.templateRef("100"))).isEmpty();
        assertThat(SpecRules.template(SpecRules.templateRef("999999999"))).isEmpty();
    }

    @Test
    void aTemplateWithAnyOtherCharacterIsAName() {
        assertThat(SpecRules.templateRef(" debian-tpl ")).isEqualTo(TemplateRef.ofName("debian-tpl"));
        assertThat(SpecRules.templateRef("9000a")).isEqualTo(TemplateRef.ofName("9000a"));
    }

    @Test
    void digitsBeyondAnyVmidAreRefusedNamingTheTemplate() {
        assertThatThrownBy(() -> SpecRules.templateRef("99999999999"))
                .isInstanceOfSatisfying(
                        SpecValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(SpecProblem::field)
                                .containsExactly("template"));
    }

    @Test
    void storageIdsAreCaseInsensitiveAsInPve() {
        assertThat(SpecRules.storage("Tank.SSD", true)).isEmpty();
        assertThat(SpecRules.storage("1disk", true)).isPresent();
        assertThat(SpecRules.storage("local-", true)).isPresent();
    }

    @Test
    void bridgeNamesArePveBridgeIdsOfAtMostFifteenCharacters() {
        assertThat(SpecRules.bridge("vmbr0.100")).isEmpty();
        assertThat(SpecRules.bridge("1br")).isEmpty();
        assertThat(SpecRules.bridge("a".repeat(16))).isPresent();
        assertThat(SpecRules.bridge("vm br0")).isPresent();
    }

    @Test
    void theSubnetPrefixIsEightToThirty() {
        assertThat(AddressingRules.prefixLength(7))
                .get()
                .extracting(SpecProblem::field)
                .isEqualTo("addressing.prefixLength");
        assertThat(AddressingRules.prefixLength(8)).isEmpty();
        assertThat(AddressingRules.prefixLength(30)).isEmpty();
        assertThat(AddressingRules.prefixLength(31)).isPresent();
        assertThat(AddressingRules.prefixLength(32)).isPresent();
    }

    @Test
    void theGatewayIsNotTheSubnetsNetworkOrBroadcastAddress() {
        List<SpecProblem> p = AddressingRules.problems(Addressing.subnet("10.20.0.0/24", "10.20.0.255"), 1);

        assertThat(p).extracting(SpecProblem::field).containsExactly("addressing.gateway");
        assertThat(AddressingRules.problems(Addressing.subnet("10.20.0.0/24", "10.20.0.1"), 1))
                .isEmpty();
    }

    @Test
    void aSubnetThatIsNotCidrNamesThePool() {
        assertThatThrownBy(() -> Addressing.subnet("10.20.0.0", "10.20.0.1"))
                .isInstanceOfSatisfying(
                        SpecValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(SpecProblem::field)
                                .containsExactly("addressing.pool"));
    }

    @Test
    void blankDurationsAreUnsetAndBadOnesNameTheirField() {
        assertThat(SpecRules.duration("keepOnFailure", " ")).isEmpty();
        assertThat(SpecRules.duration("keepOnFailure", "1h30m")).contains(Duration.ofMinutes(90));
        assertThatThrownBy(() -> SpecRules.duration("keepOnFailure", "soon"))
                .isInstanceOfSatisfying(
                        SpecValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(SpecProblem::field)
                                .containsExactly("keepOnFailure"));
    }

    @Test
    void aRangeOfOneVmidIsEnoughForOneNode() {
        assertThat(SpecRules.vmidRange(new VmidRange(500, 500), 1)).isEmpty();
        assertThat(SpecRules.vmidRange(new VmidRange(500, 400), 1)).isPresent();
    }

    @Test
    void anApiFingerprintWithoutColonsIsStoredInPvesForm() {
        HostRef host = HostRef.of("https://pve1:8006", "pve1", FP_PLAIN);

        assertThat(host.apiFingerprint()).isEqualTo(Fixtures.API_FP);
        assertThat(HostRules.problems(host)).isEmpty();
    }

    @Test
    void anApiUrlWithAPathOtherThanTheApisIsRefused() {
        assertThat(HostRules.apiUrl("https://pve1:8006/api2/json")).isEmpty();
        assertThat(HostRules.apiUrl("https://pve1:8006/pve-docs")).isPresent();
        assertThat(HostRules.apiUrl("https://root@pve1:8006")).isPresent();
    }

    @Test
    void theBuilderSetsEveryFieldOfTheSpec() {
        Set<String> components = Arrays.stream(ClusterSpec.class.getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toSet());
        ClusterSpec spec = Fixtures.spec()
                .nodes(1)
                .cores(4)
                .memoryMiB(2048)
                .fullClone("local-zfs")
                .pool("ci")
                .bridge("vmbr1")
                .vlanTag(7)
                .nodeNamePrefix("lab-n")
                .smokeCheck(false)
                .vmidRange(900, 901)
                .keepOnFailure(Duration.ofHours(1))
                .guestSshPort(2222)
                .guestApiPort(8443)
                .build();

        assertThat(spec.toBuilder().build()).isEqualTo(spec);
        assertThat(spec.storage()).contains("local-zfs");
        assertThat(spec.pool()).contains("ci");
        assertThat(spec.vlanTag()).hasValue(7);
        assertThat(Arrays.stream(ClusterSpecBuilder.class.getDeclaredMethods()).map(Method::getName))
                .as("a setter per field, under the field's name or its accessor's")
                .containsAll(components.stream()
                        .map(c -> switch (c) {
                            case "targetStorage" -> "storage";
                            case "resourcePool" -> "pool";
                            case "vlan" -> "vlanTag";
                            default -> c;
                        })
                        .toList());
    }

    @Test
    void aCopyNamingAnUnknownFieldFails() {
        assertThatThrownBy(() -> RecordCopy.with(new VmidRange(1, 2), "middle", 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VmidRange has no middle");
    }
}
