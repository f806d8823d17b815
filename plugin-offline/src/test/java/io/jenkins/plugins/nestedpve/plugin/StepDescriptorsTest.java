package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.Item;
import hudson.util.ListBoxModel;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kohsuke.stapler.verb.POST;
import org.springframework.security.access.AccessDeniedException;

/** The snippet generator's handlers of both steps: POST only, for those who may configure the job. */
class StepDescriptorsTest {
    private final RecordingRenderer renderer = new RecordingRenderer();

    private static final HostDirectory HOSTS = new HostDirectory() {
        @Override
        public Optional<PveHostConfig> host(String id) {
            return "lab".equals(id) ? Optional.of(new PveHostConfig("lab")) : Optional.empty();
        }

        @Override
        public List<PveHostConfig> all() {
            return List.of(new PveHostConfig("lab"));
        }

        @Override
        public int maxNodesPerCluster() {
            return 5;
        }

        @Override
        public int maxConcurrentClusters() {
            return 2;
        }
    };

    private StepDescriptor descriptor(Class<?> of, FakePermissions permissions) {
        return of == NestedPveClusterStep.class
                ? new NestedPveClusterStep.DescriptorImpl(permissions, renderer, () -> HOSTS)
                : new NestedPveShStep.DescriptorImpl(permissions, renderer);
    }

    static Stream<Method> handlers() {
        return Stream.of(NestedPveClusterStep.DescriptorImpl.class, NestedPveShStep.DescriptorImpl.class)
                .flatMap(c -> FormHandlers.of(c).stream());
    }

    /** Calls a handler as Stapler would for a job: the job (null here) and the text for every other parameter. */
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
                .contains("doFillHostItems", "doCheckNodes", "doCheckTemplate", "doCheckKeepOnFailure", "doCheckScript")
                .hasSize(14);
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
        Object d = descriptor(handler.getDeclaringClass().getEnclosingClass(), nobody);

        if (handler.getName().startsWith("doFill")) {
            assertThat((ListBoxModel) call(d, handler, "lab")).isEmpty();
        } else {
            assertThatThrownBy(() -> call(d, handler, "3")).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(nobody.checks).isEqualTo(1);
        assertThat(renderer.rendered).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("handlers")
    void everyHandlerAnswersThoseWhoMayConfigure(Method handler) throws Throwable {
        FakePermissions admin = FakePermissions.admin();

        Object answer = call(descriptor(handler.getDeclaringClass().getEnclosingClass(), admin), handler, "3");

        assertThat(admin.checks).isEqualTo(1);
        if (handler.getName().startsWith("doFill")) {
            assertThat((ListBoxModel) answer).isNotEmpty();
        } else {
            assertThat(renderer.rendered).hasSize(1);
        }
    }

    @Test
    void theHostChoiceListsTheConfiguredHosts() {
        assertThat(new NestedPveClusterStep.DescriptorImpl(FakePermissions.admin(), renderer, () -> HOSTS)
                        .hostIds(null))
                .containsExactly("lab");
        assertThat(new NestedPveClusterStep.DescriptorImpl(FakePermissions.nobody(), renderer, () -> HOSTS)
                        .hostIds(null))
                .isEmpty();
    }

    @Test
    void theClusterStepTakesABlockAndProvidesTheClusterToTheStepsInside() {
        NestedPveClusterStep.DescriptorImpl d =
                new NestedPveClusterStep.DescriptorImpl(FakePermissions.admin(), renderer, () -> HOSTS);

        assertThat(d.getFunctionName()).isEqualTo("nestedPveCluster");
        assertThat(d.takesImplicitBlockArgument()).isTrue();
        assertThat(d.getProvidedContext()).isEqualTo(Set.of(NestedPveClusterContext.class));
        Set<? extends Class<?>> required =
                new NestedPveShStep.DescriptorImpl(FakePermissions.admin(), renderer).getRequiredContext();
        assertThat(required.contains(NestedPveClusterContext.class)).isTrue();
    }

    @Test
    void anUnknownHostIsNamedWithTheConfiguredOnes() {
        assertThat(ClusterStepChecks.host("elsewhere", HOSTS).message())
                .isEqualTo("No PVE host 'elsewhere' is configured (configured: lab).");
    }
}
