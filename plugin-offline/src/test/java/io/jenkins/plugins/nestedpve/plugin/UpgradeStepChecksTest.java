package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.nestedpve.upgrade.InvalidUpgradePlanException;
import io.jenkins.plugins.nestedpve.upgrade.UpgradePlan;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kohsuke.stapler.verb.POST;
import org.springframework.security.access.AccessDeniedException;

/**
 * nestedPveUpgrade's parameters: the snippet generator's checks and the step itself give the core plan's verdict
 * (one home per rule), the handlers are POST-only and for those who may configure the job, and the report path
 * stays inside the workspace.
 */
class UpgradeStepChecksTest {
    private final RecordingRenderer renderer = new RecordingRenderer();

    private NestedPveUpgradeStep.DescriptorImpl descriptor(FakePermissions permissions) {
        return new NestedPveUpgradeStep.DescriptorImpl(permissions, renderer);
    }

    /** One parameter: how the step sets it, how the form checks it, how the core's builder takes it. */
    private record Entry(
            String field,
            BiConsumer<NestedPveUpgradeStep, String> onStep,
            Function<String, Validation> onForm,
            BiConsumer<UpgradePlan.Builder, String> onCore) {
        @Override
        public String toString() {
            return field;
        }
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry("to", NestedPveUpgradeStep::setTo, UpgradePlans::checkTo, UpgradePlan.Builder::to),
            new Entry(
                    "mirror", NestedPveUpgradeStep::setMirror, UpgradePlans::checkMirror, UpgradePlan.Builder::mirror),
            new Entry(
                    "maxGuestDowntime",
                    (s, v) -> {
                        s.setWorkload(true);
                        s.setMaxGuestDowntime(v);
                    },
                    v -> UpgradePlans.checkMaxGuestDowntime(v, true),
                    (b, v) -> b.workload(true).maxGuestDowntime(v)),
            new Entry(
                    "beforeNode",
                    NestedPveUpgradeStep::setBeforeNode,
                    UpgradePlans::checkBeforeNode,
                    UpgradePlan.Builder::beforeNode),
            new Entry(
                    "afterNode",
                    NestedPveUpgradeStep::setAfterNode,
                    UpgradePlans::checkAfterNode,
                    UpgradePlan.Builder::afterNode));

    private static final List<String> INPUTS = List.of(
            "9",
            "latest",
            "LATEST",
            "ten",
            "0",
            "8.4",
            "http://mirror.example/debian/pve",
            "https://user:pw@mirror.example/pve",
            "ftp://mirror.example/pve",
            "not a url",
            "30s",
            "0s",
            "-5m",
            "soon",
            "1h30m",
            "pvecm status",
            "echo \0 nul");

    static Stream<Arguments> table() {
        return ENTRIES.stream().flatMap(e -> INPUTS.stream().map(i -> Arguments.of(e, i)));
    }

    /** What the core's plan says about {@code input}: null when it accepts it, else its message. */
    private static String coreVerdict(Entry e, String input) {
        UpgradePlan.Builder b = UpgradePlan.builder();
        try {
            e.onCore().accept(b, input);
            b.build();
            return null;
        } catch (InvalidUpgradePlanException x) {
            return x.getMessage();
        }
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("table")
    void theFormCheckGivesTheCoresVerdict(Entry e, String input) {
        String core = coreVerdict(e, input);

        Validation form = e.onForm().apply(input);

        if (core == null) {
            assertThat(form.isError()).as(form.message()).isFalse();
        } else {
            assertThat(form).isEqualTo(Validation.error(core));
        }
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("table")
    void theStepGivesTheCoresVerdict(Entry e, String input) throws AbortException {
        String core = coreVerdict(e, input);
        NestedPveUpgradeStep step = new NestedPveUpgradeStep();
        e.onStep().accept(step, input);

        if (core == null) {
            assertThat(UpgradePlans.plan(step)).isNotNull();
        } else {
            assertThatThrownBy(() -> UpgradePlans.plan(step))
                    .isInstanceOf(AbortException.class)
                    .hasMessage("nestedPveUpgrade: " + core);
        }
    }

    @Test
    void unsetParametersTakeTheCoresDefaults() throws AbortException {
        assertThat(UpgradePlans.plan(new NestedPveUpgradeStep()))
                .isEqualTo(UpgradePlan.builder().build());
    }

    @Test
    void theChoicesAreTheCoresValues() throws AbortException {
        NestedPveUpgradeStep step = new NestedPveUpgradeStep();
        for (String strategy : UpgradePlans.strategies().values()) {
            step.setStrategy(strategy);
            assertThat(UpgradePlans.plan(step).strategy().label()).isEqualTo(strategy);
        }
        assertThat(UpgradePlans.checkers().values()).containsExactly("gate", "report", "skip");
        assertThat(UpgradePlans.repositories().values()).containsExactly("no-subscription", "enterprise", "test");
        assertThat(UpgradePlans.strategies().byDefault()).isEqualTo("rolling");
    }

    @Test
    void aWrongChoiceInAPipelineIsNamedByTheCore() {
        NestedPveUpgradeStep step = new NestedPveUpgradeStep();
        step.setStrategy("sideways");

        assertThatThrownBy(() -> UpgradePlans.plan(step))
                .hasMessage("nestedPveUpgrade: strategy: 'sideways' is not one of rolling, parallel");
    }

    @Test
    void maxGuestDowntimeWithoutWorkloadIsRefusedAsTheCoreRefusesIt() {
        Validation form = UpgradePlans.checkMaxGuestDowntime("30s", false);

        assertThat(form.isError()).isTrue();
        assertThat(form.message()).startsWith("maxGuestDowntime:").contains("workload");
    }

    @ParameterizedTest
    @MethodSource("badReportPaths")
    void aReportPathOutsideTheWorkspaceIsRefused(String path) {
        NestedPveUpgradeStep step = new NestedPveUpgradeStep();
        step.setReport(path);

        assertThat(UpgradePlans.checkReport(path).isError()).isTrue();
        assertThatThrownBy(() -> UpgradePlans.plan(step)).hasMessageStartingWith("nestedPveUpgrade: report: '");
    }

    static Stream<String> badReportPaths() {
        return Stream.of("/tmp/r.xml", "../r.xml", "reports/../../r.xml", "C:\\r.xml", "reports//r.xml", "reports/");
    }

    @Test
    void aReportPathInsideTheWorkspaceIsAccepted() {
        assertThat(UpgradePlans.checkReport("upgrade-report.xml")).isEqualTo(Validation.ok());
        assertThat(UpgradePlans.checkReport("reports/upgrade.xml")).isEqualTo(Validation.ok());
        assertThat(UpgradePlans.checkReport("").isError()).isFalse();
    }

    // ---- the descriptor ----------------------------------------------------------------------------------------

    static Stream<Method> handlers() {
        return FormHandlers.of(NestedPveUpgradeStep.DescriptorImpl.class).stream();
    }

    private static Object call(Object target, Method m, String value) throws Throwable {
        Object[] args = Arrays.stream(m.getParameterTypes())
                .map(t -> t == Item.class ? null : value)
                .toArray();
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void coversTheParametersThatCanBeWrong() {
        assertThat(handlers().map(Method::getName))
                .containsExactlyInAnyOrder(
                        "doCheckAfterNode",
                        "doCheckBeforeNode",
                        "doCheckMaxGuestDowntime",
                        "doCheckMirror",
                        "doCheckReport",
                        "doCheckTo",
                        "doFillCheckerItems",
                        "doFillRepositoryItems",
                        "doFillStrategyItems");
    }

    @ParameterizedTest
    @MethodSource("handlers")
    void everyHandlerIsPostOnly(Method handler) {
        assertThat(handler.isAnnotationPresent(POST.class)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("handlers")
    void everyHandlerAsksForConfigureAndGivesNothingWithoutIt(Method handler) throws Throwable {
        FakePermissions nobody = FakePermissions.nobody();
        Object d = descriptor(nobody);

        if (handler.getName().startsWith("doFill")) {
            assertThat((ListBoxModel) call(d, handler, "x")).isEmpty();
        } else {
            assertThatThrownBy(() -> call(d, handler, "9")).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(nobody.checks).isEqualTo(1);
        assertThat(renderer.rendered).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("handlers")
    void everyHandlerAnswersThoseWhoMayConfigure(Method handler) throws Throwable {
        FakePermissions admin = FakePermissions.admin();

        Object answer = call(descriptor(admin), handler, "9");

        assertThat(admin.checks).isEqualTo(1);
        if (handler.getName().startsWith("doFill")) {
            assertThat((ListBoxModel) answer).isNotEmpty();
        } else {
            assertThat(renderer.rendered).hasSize(1);
        }
    }

    @Test
    void eachChoiceOffersTheCoresDefaultAndEveryValue() {
        NestedPveUpgradeStep.DescriptorImpl d = descriptor(FakePermissions.admin());

        // the stubbed ListBoxModel.Option keeps no name or value: the options are counted, their text is Choices'
        assertThat(d.doFillStrategyItems(null)).hasSize(1 + 2);
        assertThat(d.doFillCheckerItems(null)).hasSize(1 + 3);
        assertThat(d.doFillRepositoryItems(null)).hasSize(1 + 3);
        assertThat(UpgradePlans.checkers().byDefault()).isEqualTo("gate");
        assertThat(UpgradePlans.repositories().byDefault()).isEqualTo("no-subscription");
    }

    @Test
    void theStepWorksOnlyInsideTheClusterBlock() {
        NestedPveUpgradeStep.DescriptorImpl d = descriptor(FakePermissions.admin());

        assertThat(d.getFunctionName()).isEqualTo("nestedPveUpgrade");
        Set<? extends Class<?>> required = d.getRequiredContext();
        assertThat(required.contains(NestedPveClusterContext.class)).isTrue();
    }

    @Test
    void theDescriptionOfTheStepLeavesOutTheUsersCommands() {
        NestedPveUpgradeStep step = new NestedPveUpgradeStep();
        step.setBeforeNode("curl -H 'Authorization: hunter2' https://backup.example/");

        assertThat(step.toString()).doesNotContain("hunter2");
    }
}
