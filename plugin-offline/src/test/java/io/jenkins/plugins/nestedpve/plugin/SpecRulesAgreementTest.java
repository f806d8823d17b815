package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.AbortException;
import io.jenkins.plugins.nestedpve.spec.AddressingRules;
import io.jenkins.plugins.nestedpve.spec.SpecProblem;
import io.jenkins.plugins.nestedpve.spec.SpecRules;
import io.jenkins.plugins.nestedpve.spec.SpecValidationException;
import io.jenkins.plugins.nestedpve.spec.file.SpecFileReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One input, one verdict: the same values run through the Jenkins step's form checks, the step itself (its
 * parameters turned into a spec), the host's form checks, the spec file reader and the core's {@link SpecRules};
 * any disagreement fails the row.
 */
class SpecRulesAgreementTest {
    private static final String FP = PveHostDescriptorTest.FP;
    private static final boolean OK = true;
    private static final boolean REFUSED = false;

    private final RecordingRenderer renderer = new RecordingRenderer();

    static Stream<Arguments> rows() {
        return Stream.of(
                row("template", "42", REFUSED),
                row("template", "99", REFUSED),
                row("template", "100", OK),
                row("template", "9001", OK),
                row("template", "999999999", OK),
                row("template", "1000000000", REFUSED),
                row("template", "debian-tpl", OK),
                row("template", "tmpl.pve9", OK),
                row("template", "debian_tpl", REFUSED),
                row("memoryMiB", "511", REFUSED),
                row("memoryMiB", "512", REFUSED),
                row("memoryMiB", "1024", OK),
                row("memoryMiB", "4096", OK),
                row("memoryMiB", "2000000", REFUSED),
                row("prefixLength", "7", REFUSED),
                row("prefixLength", "8", OK),
                row("prefixLength", "24", OK),
                row("prefixLength", "30", OK),
                row("prefixLength", "31", REFUSED),
                row("prefixLength", "32", REFUSED),
                row("storage", "local-lvm", OK),
                row("storage", "Tank.SSD", OK),
                row("storage", "1disk", REFUSED),
                row("storage", "local-", REFUSED),
                row("storage", "local lvm", REFUSED),
                row("bridge", "vmbr0", OK),
                row("bridge", "vmbr0.100", OK),
                row("bridge", "1br", OK),
                row("bridge", "vmbr0123456789ab", REFUSED),
                row("bridge", "vm br0", REFUSED),
                row("keepOnFailure", "2h", OK),
                row("keepOnFailure", "1h30m", OK),
                row("keepOnFailure", "PT2H", OK),
                row("keepOnFailure", "0", OK),
                row("keepOnFailure", "soon", REFUSED),
                row("keepOnFailure", "-1h", REFUSED),
                row("keepOnFailure", "2 hours", REFUSED));
    }

    private static Arguments row(String field, String input, boolean accepted) {
        return Arguments.of(field, input, accepted);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("rows")
    void everyEntryPointGivesTheSameVerdict(String field, String input, boolean accepted) {
        Map<String, Boolean> verdicts = new LinkedHashMap<>();
        verdicts.put("core SpecRules", core(field, input));
        verdicts.put("spec file", specFile(field, input));
        verdicts.put("step run", stepRun(field, input));
        stepForm(field, input).ifPresent(v -> verdicts.put("step form", v));
        hostForm(field, input).ifPresent(v -> verdicts.put("host form", v));

        assertThat(verdicts)
                .as("%s = '%s'", field, input)
                .allSatisfy((where, ok) -> assertThat(ok).as(where).isEqualTo(accepted));
    }

    private static boolean core(String field, String input) {
        return accepted(() -> switch (field) {
            case "template" -> SpecRules.template(SpecRules.templateRef(input));
            case "memoryMiB" -> SpecRules.memoryMiB(Integer.parseInt(input));
            case "prefixLength" -> AddressingRules.prefixLength(Integer.parseInt(input));
            case "storage" -> SpecRules.storage(input, true);
            case "bridge" -> SpecRules.bridge(input);
            case "keepOnFailure" -> SpecRules.duration(field, input).flatMap(SpecRules::keepOnFailure);
            default -> throw new IllegalArgumentException(field);
        });
    }

    private static boolean accepted(Supplier<Optional<SpecProblem>> rule) {
        try {
            return rule.get().isEmpty();
        } catch (SpecValidationException e) {
            return false;
        }
    }

    /** The field in a spec file that is valid otherwise; numbers as YAML reads them. */
    private static boolean specFile(String field, String input) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put(
                "host",
                Map.of(
                        "apiUrl", "https://pve1.example.org:8006",
                        "node", "pve1",
                        "fingerprint", FP,
                        "tokenId", "ci@pve!nested",
                        "tokenEnv", "PVE_TOKEN"));
        root.put("template", 9000);
        Object value = input.matches("[0-9]+") ? (Object) Integer.valueOf(input) : input;
        switch (field) {
            case "prefixLength" -> {
                root.put("nodes", 1);
                root.put(
                        "addressing",
                        Map.of(
                                "mode",
                                "static",
                                "pool",
                                List.of("10.20.0.0/" + input),
                                "prefixLength",
                                value,
                                "gateway",
                                "10.20.0.1"));
            }
            case "storage" -> {
                root.put("clone", "full");
                root.put("storage", input);
            }
            default -> root.put(field, value);
        }
        SpecFileReader reader = new SpecFileReader(
                Map.of("PVE_TOKEN", "00000000-0000-0000-0000-000000000000"),
                Path::of,
                new SpecFileReader.Defaults("tester@ci", "agreement", UUID.randomUUID()));
        try {
            reader.read(root, false);
            return true;
        } catch (SpecValidationException e) {
            return false;
        }
    }

    /** The step with the field set on a host that is valid otherwise. */
    private static boolean stepRun(String field, String input) {
        NestedPveClusterStep step = new NestedPveClusterStep("lab");
        PveHostConfig host = host();
        Map<String, Consumer<String>> set = Map.of(
                "template", step::setTemplate,
                "memoryMiB", v -> step.setMemoryMiB(Integer.parseInt(v)),
                "storage", step::setStorage,
                "bridge", step::setBridge,
                "keepOnFailure", step::setKeepOnFailure,
                "prefixLength",
                        v -> {
                            step.setNodes(1);
                            host.setAddressing(PveHostConfig.Addressing.STATIC);
                            host.setStaticPoolCidr("10.20.0.0/" + v);
                            host.setStaticGateway("10.20.0.1");
                        });
        set.get(field).accept(input);
        try {
            ClusterSpecs.build(step, host, HostAccess.ref(host, null), UUID.randomUUID(), "tester", "job#1");
            return true;
        } catch (AbortException e) {
            return false;
        }
    }

    private Optional<Boolean> stepForm(String field, String input) {
        NestedPveClusterStep.DescriptorImpl d = new NestedPveClusterStep.DescriptorImpl(
                FakePermissions.admin(),
                renderer,
                () -> HostDirectory.of(() -> new InMemoryConfiguration(FakePermissions.admin(), renderer)));
        switch (field) {
            case "template" -> d.doCheckTemplate(null, input);
            case "memoryMiB" -> d.doCheckMemoryMiB(null, input);
            case "storage" -> d.doCheckStorage(null, input);
            case "bridge" -> d.doCheckBridge(null, input);
            case "keepOnFailure" -> d.doCheckKeepOnFailure(null, input);
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(!renderer.last().isError());
    }

    private Optional<Boolean> hostForm(String field, String input) {
        PveHostDescriptor d =
                new PveHostDescriptor(FakePermissions.admin(), renderer, new RecordingListing(), () -> null);
        switch (field) {
            case "template" -> d.doCheckTemplate(input);
            case "storage" -> d.doCheckStorage(input);
            case "bridge" -> d.doCheckBridge(input);
            case "keepOnFailure" -> d.doCheckMaxKeepOnFailure(input);
            case "prefixLength" -> d.doCheckStaticPoolCidr("STATIC", "10.20.0.0/" + input);
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(!renderer.last().isError());
    }

    private static PveHostConfig host() {
        PveHostConfig h = new PveHostConfig("lab");
        h.setApiUrl("https://pve1.example.org:8006");
        h.setNode("pve1");
        h.setFingerprint(FP);
        h.setTemplate("9000");
        h.setStorage("local-lvm");
        h.setBridge("vmbr0");
        return h;
    }
}
