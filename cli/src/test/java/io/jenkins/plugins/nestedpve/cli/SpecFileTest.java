package io.jenkins.plugins.nestedpve.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.host.NestingPolicy;
import io.jenkins.plugins.nestedpve.spec.Addressing;
import io.jenkins.plugins.nestedpve.spec.Placement;
import io.jenkins.plugins.nestedpve.spec.SpecProblem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecFileTest {
    static final String FINGERPRINT = String.join(":", java.util.Collections.nCopies(32, "AB"));
    static final String TOKEN_SECRET = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    static final String GUEST_PASSWORD = "template-root-pw-7731";

    @TempDir
    Path dir;

    final Map<String, String> env = new HashMap<>(Map.of("PVE_TOKEN", TOKEN_SECRET, "GUEST_PW", GUEST_PASSWORD));

    static String minimal() {
        return """
                host:
                  apiUrl: https://pve1.lab.example:8006
                  node: pve1
                  fingerprint: "%s"
                  tokenId: ci@pve!nested
                  tokenEnv: PVE_TOKEN
                template: 9000
                guest:
                  rootPasswordEnv: GUEST_PW
                """.formatted(FINGERPRINT);
    }

    LoadedSpec load(String yaml) {
        Path file = dir.resolve("cluster.yaml");
        try {
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        CliContext ctx = new CliContext(
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                env,
                dir.resolve("home"),
                dir,
                Clock.systemUTC(),
                new TestHooks());
        return SpecFiles.load(ctx, "cluster.yaml", "test");
    }

    List<SpecProblem> problems(String yaml) {
        try {
            load(yaml);
        } catch (SpecFileException e) {
            return e.problems();
        }
        throw new AssertionError("expected problems in:\n" + yaml);
    }

    List<String> fields(String yaml) {
        return problems(yaml).stream().map(SpecProblem::field).toList();
    }

    @Test
    void placementIsReadFromTheFileAndDefaultsToTheHostsNode() {
        assertThat(load(minimal()).spec().placement()).isEqualTo(Placement.host());
        assertThat(load(minimal() + "placement: spread\n").spec().placement()).isEqualTo(Placement.spread());
        assertThat(load(minimal() + "placement: pve1,pve3\n").spec().placement())
                .isEqualTo(Placement.onNodes(List.of("pve1", "pve3")));
    }

    @Test
    void aPlacementThatIsNoNodeNameIsAProblemOfPlacement() {
        assertThat(fields(minimal() + "placement: \"pve_1\"\n")).containsExactly("placement");
    }

    @Test
    void minimalSpecGetsTheDefaults() {
        LoadedSpec s = load(minimal());

        assertThat(s.spec().nodes()).isEqualTo(3);
        assertThat(s.spec().template().vmid()).isEqualTo(9000);
        assertThat(s.spec().bridge()).isEqualTo("vmbr0");
        assertThat(s.spec().addressing()).isInstanceOf(Addressing.Dhcp.class);
        assertThat(s.spec().nesting()).isEqualTo(NestingPolicy.REQUIRE);
        assertThat(s.spec().owner()).contains("@");
        assertThat(s.hostCredentials().apiTokenId()).isEqualTo("ci@pve!nested");
        assertThat(s.hostCredentials().apiTokenSecret().reveal()).isEqualTo(TOKEN_SECRET);
        assertThat(s.guestCredentials().templateRootPassword().orElseThrow().reveal())
                .isEqualTo(GUEST_PASSWORD);
        assertThat(s.outputDir()).isEqualTo(dir.resolve("nested-pve-out"));
    }

    @Test
    void everyFieldIsRead() {
        LoadedSpec s = load(minimal().replace("template: 9000", """
                template: pve84-tmpl
                nodes: 2
                cores: 4
                memoryMiB: 8192
                clone: full
                storage: local-zfs
                bridge: vmbr1
                vlanTag: 42
                addressing:
                  mode: static
                  pool: [10.0.0.50-10.0.0.59, 10.0.0.64/28]
                  prefixLength: 24
                  gateway: 10.0.0.1
                  nameserver: 10.0.0.2
                clusterName: np-ci-42
                nesting: emulate
                smokeCheck: false
                vmidRange: 81000-81099
                keepOnFailure: 2h
                owner: ci@example
                buildRef: "job#42"
                timeouts:
                  boot: 10m
                  overall: 1h30m
                """));

        assertThat(s.spec().template().name()).isEqualTo("pve84-tmpl");
        assertThat(s.spec().nodes()).isEqualTo(2);
        assertThat(s.spec().cores()).isEqualTo(4);
        assertThat(s.spec().memoryMiB()).isEqualTo(8192);
        assertThat(s.spec().fullClone()).isTrue();
        assertThat(s.spec().storage()).contains("local-zfs");
        assertThat(s.spec().bridge()).isEqualTo("vmbr1");
        assertThat(s.spec().vlanTag().getAsInt()).isEqualTo(42);
        assertThat(((Addressing.StaticPool) s.spec().addressing()).addresses(2))
                .containsExactly("10.0.0.50", "10.0.0.51");
        assertThat(s.spec().clusterName()).isEqualTo("np-ci-42");
        assertThat(s.spec().nesting()).isEqualTo(NestingPolicy.EMULATE);
        assertThat(s.spec().smokeCheck()).isFalse();
        assertThat(s.spec().vmidRange().start()).isEqualTo(81000);
        assertThat(s.spec().keepOnFailure()).isEqualTo(Duration.ofHours(2));
        assertThat(s.spec().owner()).isEqualTo("ci@example");
        assertThat(s.spec().buildRef()).isEqualTo("job#42");
        assertThat(s.spec().timeouts().boot()).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.spec().timeouts().overall()).isEqualTo(Duration.ofMinutes(90));
        assertThat(s.spec().timeouts().join()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void smokeCheckContainerIsReadAndNeedsTheSmokeCheck() {
        assertThat(load(minimal() + "smokeCheckContainer: true\n").spec().smokeCheckContainer())
                .isTrue();
        assertThat(load(minimal()).spec().smokeCheckContainer()).isFalse();
        assertThat(fields(minimal() + "smokeCheck: false\nsmokeCheckContainer: true\n"))
                .containsExactly("smokeCheckContainer");
    }

    @Test
    void theReplacementBudgetIsReadAndBounded() {
        assertThat(load(minimal() + "replacements: 5\n").spec().replacements()).isEqualTo(5);
        assertThat(load(minimal()).spec().replacements()).isNull();
        assertThat(problems(minimal() + "replacements: 11\n")).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("replacements");
            assertThat(p.message()).contains("must be 0 to 10, got 11");
        });
    }

    @Test
    void nodeCountOutOfRangeNamesNodes() {
        List<SpecProblem> p = problems(minimal() + "nodes: 0\n");

        assertThat(p).extracting(SpecProblem::field).containsExactly("nodes");
        assertThat(p.get(0).message()).contains("between 1 and 32");
    }

    @Test
    void badFingerprintNamesHostFingerprint() {
        assertThat(fields(minimal().replace(FINGERPRINT, "AB:CD"))).containsExactly("host.fingerprint");
    }

    @Test
    void hostPoolIsReadIntoTheSpec() {
        String yaml = minimal().replace("  tokenEnv: PVE_TOKEN\n", "  tokenEnv: PVE_TOKEN\n  pool: nested-ci\n");

        assertThat(load(yaml).spec().pool()).contains("nested-ci");
        assertThat(load(minimal()).spec().pool()).isEmpty();
    }

    @Test
    void badHostPoolNamesHostPool() {
        String yaml = minimal().replace("  tokenEnv: PVE_TOKEN\n", "  tokenEnv: PVE_TOKEN\n  pool: \"a b\"\n");

        assertThat(fields(yaml)).containsExactly("host.pool");
    }

    @Test
    void badPoolEntryIsNamedByItsIndex() {
        List<SpecProblem> p = problems(minimal() + """
                addressing:
                  mode: static
                  pool: [10.0.0.5, 10.0.0.6, 10.0.0.300, 10.0.0.8]
                  prefixLength: 24
                  gateway: 10.0.0.1
                """);

        assertThat(p).extracting(SpecProblem::field).containsExactly("addressing.pool[2]");
        assertThat(p.get(0).message()).contains("10.0.0.300");
    }

    @Test
    void wrongTypeNamesTheField() {
        List<SpecProblem> p = problems(minimal() + "cores: many\n");

        assertThat(p).extracting(SpecProblem::field).containsExactly("cores");
        assertThat(p.get(0).message()).contains("whole number", "'many'");
    }

    @Test
    void badDurationNamesTheTimeout() {
        List<SpecProblem> p = problems(minimal() + "timeouts:\n  boot: soon\n");

        assertThat(p).extracting(SpecProblem::field).containsExactly("timeouts.boot");
        assertThat(p.get(0).message()).contains("15m");
    }

    @Test
    void plainHttpUrlNamesHostApiUrl() {
        assertThat(fields(minimal().replace("https://", "http://"))).containsExactly("host.apiUrl");
    }

    @Test
    void standardYamlTagsAreRead() {
        assertThat(load(minimal().replace("template: 9000", "template: !!int 9000"))
                        .spec()
                        .template())
                .hasToString("template 9000");
    }

    @Test
    void otherYamlTagsAreRefused() {
        assertThat(fields(minimal().replace("template: 9000", "template: !!python/object 9000")))
                .singleElement()
                .asString()
                .startsWith("line ");
    }

    @Test
    void unknownNestingPolicyNamesNesting() {
        List<SpecProblem> p = problems(minimal() + "nesting: sometimes\n");

        assertThat(p).extracting(SpecProblem::field).containsExactly("nesting");
        assertThat(p.get(0).message()).contains("require", "enable", "emulate", "skip");
    }

    @Test
    void guestPortNamesGuestSshPort() {
        assertThat(fields(minimal() + "  sshPort: 0\n")).containsExactly("guest.sshPort");
    }

    @Test
    void vmidRangeTooSmallForTheNodesNamesVmidRange() {
        assertThat(fields(minimal() + "vmidRange: 80000-80001\n")).containsExactly("vmidRange");
    }

    @Test
    void missingHostIsNamed() {
        assertThat(fields("template: 9000\n")).contains("host");
    }

    @Test
    void unknownKeyGetsADidYouMeanHint() {
        List<SpecProblem> p = problems(minimal() + "nodse: 3\n");

        assertThat(p).extracting(SpecProblem::field).containsExactly("nodse");
        assertThat(p.get(0).message()).isEqualTo("unknown key — did you mean 'nodes'?");
    }

    @Test
    void unknownNestedKeyIsNamedByItsPath() {
        List<SpecProblem> p = problems(minimal().replace("  node: pve1", "  node: pve1\n  fingreprint: x"));

        assertThat(p).extracting(SpecProblem::field).containsExactly("host.fingreprint");
        assertThat(p.get(0).message()).contains("did you mean 'fingerprint'?");
    }

    @Test
    void literalTokenIsRejectedWithHowToPassIt() {
        List<SpecProblem> p = problems(minimal().replace("  tokenEnv: PVE_TOKEN", "  token: " + TOKEN_SECRET));

        assertThat(p).extracting(SpecProblem::field).contains("host.token");
        SpecProblem token = p.stream()
                .filter(x -> x.field().equals("host.token"))
                .findFirst()
                .orElseThrow();
        assertThat(token.message()).contains("never read from the spec file", "tokenEnv: PVE_TOKEN", "tokenFile");
        assertThat(p.toString()).doesNotContain(TOKEN_SECRET);
    }

    @Test
    void literalGuestPasswordIsRejectedWithHowToPassIt() {
        List<SpecProblem> p = problems(minimal().replace("  rootPasswordEnv: GUEST_PW", "  rootPassword: hunter2"));

        assertThat(p).extracting(SpecProblem::field).containsExactly("guest.rootPassword");
        assertThat(p.get(0).message()).contains("rootPasswordEnv", "rootPasswordFile");
        assertThat(p.toString()).doesNotContain("hunter2");
    }

    @Test
    void tokenIdWithItsSecretIsRejectedWithoutEchoingIt() {
        List<SpecProblem> p =
                problems(minimal().replace("tokenId: ci@pve!nested", "tokenId: ci@pve!nested=" + TOKEN_SECRET));

        assertThat(p).extracting(SpecProblem::field).containsExactly("host.tokenId");
        assertThat(p.toString()).doesNotContain(TOKEN_SECRET);
    }

    @Test
    void unsetTokenVariableNamesTokenEnvAndTheVariable() {
        env.remove("PVE_TOKEN");

        List<SpecProblem> p = problems(minimal());

        assertThat(p).extracting(SpecProblem::field).containsExactly("host.tokenEnv");
        assertThat(p.get(0).message()).contains("PVE_TOKEN is not set");
    }

    @Test
    void tokenIsReadFromAFile() throws IOException {
        Files.writeString(dir.resolve("token"), TOKEN_SECRET + "\n");

        LoadedSpec s = load(minimal().replace("tokenEnv: PVE_TOKEN", "tokenFile: token"));

        assertThat(s.hostCredentials().apiTokenSecret().reveal()).isEqualTo(TOKEN_SECRET);
    }

    @Test
    void missingTokenFileNamesTokenFile() {
        List<SpecProblem> p = problems(minimal().replace("tokenEnv: PVE_TOKEN", "tokenFile: /nonexistent/token"));

        assertThat(p).extracting(SpecProblem::field).containsExactly("host.tokenFile");
        assertThat(p.get(0).message()).contains("/nonexistent/token does not exist");
    }

    @Test
    void wholeTokenInTheVariableNeedsNoTokenId() {
        env.put("PVE_TOKEN", "ci@pve!nested=" + TOKEN_SECRET);

        LoadedSpec s = load(minimal().replace("  tokenId: ci@pve!nested\n", ""));

        assertThat(s.hostCredentials().apiTokenId()).isEqualTo("ci@pve!nested");
    }

    @Test
    void secretThatIsNotAUuidIsReportedWithoutShowingIt() {
        env.put("PVE_TOKEN", "not-a-uuid-secret");

        List<SpecProblem> p = problems(minimal());

        assertThat(p).extracting(SpecProblem::field).containsExactly("host.tokenEnv");
        assertThat(p.toString()).doesNotContain("not-a-uuid-secret");
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnce() {
        List<String> f = fields(minimal().replace(FINGERPRINT, "nope") + "nodes: 99\nbrigde: vmbr0\ncores: 0\n");

        assertThat(f).containsExactlyInAnyOrder("host.fingerprint", "nodes", "brigde", "cores");
    }

    @Test
    void yamlSyntaxErrorNamesTheLine() {
        List<SpecProblem> p = problems("host:\n  apiUrl: [unclosed\nnodes: 3\n");

        assertThat(p.get(0).field()).startsWith("line ");
        assertThat(p.get(0).message()).startsWith("not valid YAML");
    }

    @Test
    void duplicateKeyIsAnError() {
        assertThat(problems(minimal() + "nodes: 3\nnodes: 4\n").get(0).message())
                .contains("duplicate key");
    }

    @Test
    void guestCredentialsAreNotNeededAndAWarningSaysTheyAreNoLongerUsed() {
        LoadedSpec without = load(minimal().replace("guest:\n  rootPasswordEnv: GUEST_PW\n", ""));
        LoadedSpec with = load(minimal());

        assertThat(without.warnings()).noneMatch(w -> w.startsWith("guest:"));
        assertThat(with.warnings()).anyMatch(w -> w.contains("no longer used"));
    }

    @Test
    void messageOfTheExceptionListsFieldAndFile() {
        assertThatThrownBy(() -> load(minimal() + "nodes: 0\n"))
                .isInstanceOf(SpecFileException.class)
                .hasMessageContaining("cluster.yaml has a problem (nothing was created):")
                .hasMessageContaining("nodes: must be between 1 and 32");
    }
}
