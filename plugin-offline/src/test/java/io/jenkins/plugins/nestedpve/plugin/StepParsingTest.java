package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.jenkins.plugins.nestedpve.host.NestingPolicy;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.spec.HostRef;
import io.jenkins.plugins.nestedpve.spec.Placement;
import io.jenkins.plugins.nestedpve.spec.SpecRules;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How step parameters become the core's spec: the step's value, else the host's, else the core's default. */
class StepParsingTest {
    private static final String FP =
            "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";
    private static final UUID INSTALLATION = UUID.randomUUID();

    private static PveHostConfig host() {
        PveHostConfig h = new PveHostConfig("lab");
        h.setApiUrl("https://pve1.example.org:8006");
        h.setNode("pve1");
        h.setFingerprint(FP);
        h.setTemplate("9000");
        h.setStorage("fast");
        h.setBridge("vmbr1");
        h.setVlan(42);
        h.setNesting(PveHostConfig.Nesting.EMULATE);
        return h;
    }

    private static ClusterSpec spec(NestedPveClusterStep step) throws AbortException {
        PveHostConfig h = host();
        return ClusterSpecs.build(step, h, HostAccess.ref(h, null), INSTALLATION, "Jenkins test", "job#3");
    }

    @Test
    void theHostsSettingsApplyWhereTheStepSetsNone() throws AbortException {
        ClusterSpec spec = spec(new NestedPveClusterStep("lab"));

        assertThat(spec.template().vmid()).isEqualTo(9000);
        assertThat(spec.bridge()).isEqualTo("vmbr1");
        assertThat(spec.vlanTag()).hasValue(42);
        assertThat(spec.nesting()).isEqualTo(NestingPolicy.EMULATE);
        assertThat(spec.fullClone()).isFalse();
        assertThat(spec.nodes()).isEqualTo(3);
        assertThat(spec.installationId()).isEqualTo(INSTALLATION);
        assertThat(spec.buildRef()).isEqualTo("job#3");
    }

    @Test
    void theHostsResourcePoolGoesIntoTheSpec() throws AbortException {
        PveHostConfig h = host();
        h.setPool("nested-ci");

        ClusterSpec spec = ClusterSpecs.build(
                new NestedPveClusterStep("lab"), h, HostAccess.ref(h, null), INSTALLATION, "Jenkins test", "job#3");

        assertThat(spec.pool()).contains("nested-ci");
        assertThat(spec(new NestedPveClusterStep("lab")).pool()).isEmpty();
    }

    @Test
    void placementIsTheHostsUnlessTheStepChoosesOne() throws AbortException {
        PveHostConfig h = host();
        assertThat(spec(new NestedPveClusterStep("lab")).placement()).isEqualTo(Placement.host());
        h.setPlacement("spread");
        NestedPveClusterStep step = new NestedPveClusterStep("lab");
        assertThat(ClusterSpecs.build(step, h, HostAccess.ref(h, null), INSTALLATION, "Jenkins test", "job#3")
                        .placement())
                .isEqualTo(Placement.spread());
        step.setPlacement("pve1, pve2");
        assertThat(ClusterSpecs.build(step, h, HostAccess.ref(h, null), INSTALLATION, "Jenkins test", "job#3")
                        .placement())
                .isEqualTo(Placement.onNodes(java.util.List.of("pve1", "pve2")));
    }

    @Test
    void theStepsValuesWin() throws AbortException {
        NestedPveClusterStep step = new NestedPveClusterStep("lab");
        step.setTemplate("pve84-tmpl");
        step.setNesting("skip");
        step.setVlan(0);
        step.setStorage("other");
        step.setClusterName("np-mine");
        step.setKeepOnFailure("2h");
        step.setTimeout("45m");

        ClusterSpec spec = spec(step);

        assertThat(spec.template().name()).isEqualTo("pve84-tmpl");
        assertThat(spec.nesting()).isEqualTo(NestingPolicy.SKIP);
        assertThat(spec.vlanTag()).isEmpty();
        assertThat(spec.fullClone()).isTrue();
        assertThat(spec.storage()).hasValue("other");
        assertThat(spec.clusterName()).isEqualTo("np-mine");
        assertThat(spec.keepOnFailure()).isEqualTo(Duration.ofHours(2));
        assertThat(spec.timeouts().overall()).isEqualTo(Duration.ofMinutes(45));
    }

    @Test
    void fullCloneAloneUsesTheHostsStorage() throws AbortException {
        NestedPveClusterStep step = new NestedPveClusterStep("lab");
        step.setFullClone(true);

        assertThat(spec(step).storage()).hasValue("fast");
    }

    @Test
    void smokeCheckContainerReachesTheSpecAndNeedsTheSmokeCheck() throws AbortException {
        NestedPveClusterStep step = new NestedPveClusterStep("lab");
        assertThat(spec(step).smokeCheckContainer()).isFalse();
        step.setSmokeCheckContainer(true);
        assertThat(spec(step).smokeCheckContainer()).isTrue();

        step.setSmokeCheck(false);
        assertThatThrownBy(() -> spec(step))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("smokeCheckContainer: needs smokeCheck");
    }

    @Test
    void theReplacementBudgetIsTheStepsElseTheHostsElseTheEnginesDefault() throws AbortException {
        assertThat(spec(new NestedPveClusterStep("lab")).replacements()).isNull();

        PveHostConfig h = host();
        h.setReplacements(4);
        NestedPveClusterStep step = new NestedPveClusterStep("lab");
        assertThat(ClusterSpecs.build(step, h, HostAccess.ref(h, null), INSTALLATION, "Jenkins test", "job#3")
                        .replacements())
                .isEqualTo(4);

        step.setReplacements(0);
        assertThat(ClusterSpecs.build(step, h, HostAccess.ref(h, null), INSTALLATION, "Jenkins test", "job#3")
                        .replacements())
                .isZero();
    }

    @Test
    void aReplacementBudgetOutOfBoundsFailsBeforeAnythingIsCreated() {
        NestedPveClusterStep step = new NestedPveClusterStep("lab");
        step.setReplacements(11);

        assertThatThrownBy(() -> spec(step))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("replacements: must be 0 to 10, got 11");
    }

    @Test
    void badValuesFailBeforeAnythingIsCreated() {
        NestedPveClusterStep step = new NestedPveClusterStep("lab");
        step.setNesting("sometimes");

        assertThatThrownBy(() -> spec(step))
                .isInstanceOf(AbortException.class)
                .hasMessageStartingWith("nestedPveCluster on host 'lab': nesting: 'sometimes' is not a nesting policy");
    }

    @Test
    void durationsAcceptShortAndIsoForms() {
        assertThat(SpecRules.duration("x", "90s")).contains(Duration.ofSeconds(90));
        assertThat(SpecRules.duration("x", " 2H ")).contains(Duration.ofHours(2));
        assertThat(SpecRules.duration("x", "1d")).contains(Duration.ofDays(1));
        assertThat(SpecRules.duration("x", "PT30M")).contains(Duration.ofMinutes(30));
        assertThat(SpecRules.duration("x", null)).isEmpty();
        assertThatThrownBy(() -> SpecRules.duration("keepOnFailure", "soon"))
                .hasMessageContaining("keepOnFailure: 'soon' is not a duration — write a number with a unit, e.g."
                        + " 90s, 15m, 4h, 1h30m or 2d");
        assertThat(SpecRules.duration("x", "1h30m")).contains(Duration.ofMinutes(90));
    }

    @Test
    void theHostRefOfALeaseDoesNotDependOnSsh() {
        PveHostConfig h = host();
        h.setSshHostKeyFingerprint("SHA256:" + "A".repeat(43));
        HostRef plain = HostAccess.ref(h, null);
        HostRef withSsh = HostAccess.ref(h, "root");

        assertThat(withSsh.sshTarget()).isPresent();
        assertThat(plain.sshTarget()).isEmpty();
        assertThat(withSsh.id()).isEqualTo(plain.id()).isEqualTo("pve1@pve1.example.org:8006");
    }
}
