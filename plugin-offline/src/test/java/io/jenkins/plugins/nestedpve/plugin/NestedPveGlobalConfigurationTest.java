package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.Descriptor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import net.sf.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;
import org.springframework.security.access.AccessDeniedException;

class NestedPveGlobalConfigurationTest {
    private final RecordingRenderer renderer = new RecordingRenderer();

    static Stream<Method> handlers() {
        return FormHandlers.of(NestedPveGlobalConfiguration.class).stream();
    }

    /** A request whose bindJSON runs {@code binder} on the bean, as Stapler calls the setters. */
    static StaplerRequest2 request(Consumer<NestedPveGlobalConfiguration> binder) {
        return (StaplerRequest2) Proxy.newProxyInstance(
                StaplerRequest2.class.getClassLoader(), new Class<?>[] {StaplerRequest2.class}, (p, m, args) -> {
                    if (m.getName().equals("bindJSON") && args.length == 2 && args[1] instanceof JSONObject) {
                        binder.accept((NestedPveGlobalConfiguration) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    private InMemoryConfiguration config() {
        return new InMemoryConfiguration(FakePermissions.admin(), renderer);
    }

    @Test
    void coversTheThreeLimits() {
        assertThat(handlers().map(Method::getName))
                .containsExactly(
                        "doCheckMaxConcurrentClusters", "doCheckMaxNodesPerCluster", "doCheckReaperIntervalMinutes");
    }

    @ParameterizedTest
    @MethodSource("handlers")
    void everyHandlerIsPostOnly(Method handler) {
        assertThat(handler.isAnnotationPresent(POST.class)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("handlers")
    void everyHandlerRefusesUsersWithoutAdminister(Method handler) {
        FakePermissions nobody = FakePermissions.nobody();
        InMemoryConfiguration c = new InMemoryConfiguration(nobody, renderer);

        assertThatThrownBy(() -> FormHandlers.call(c, handler, "3")).isInstanceOf(AccessDeniedException.class);
        assertThat(nobody.checks).isEqualTo(1);
        assertThat(renderer.rendered).isEmpty();
    }

    @Test
    void nodeLimitAboveTheMaximumIsAnError() {
        config().doCheckMaxNodesPerCluster("33");

        assertThat(renderer.last().message()).isEqualTo("The node limit must be a whole number from 1 to 32.");
    }

    @Test
    void reaperIntervalOfOneMinuteIsAccepted() {
        config().doCheckReaperIntervalMinutes("1");

        assertThat(renderer.last()).isEqualTo(Validation.ok());
    }

    @Test
    void defaultsProtectTheHosts() {
        InMemoryConfiguration c = config();

        assertThat(c.getMaxNodesPerCluster()).isEqualTo(5);
        assertThat(c.getMaxConcurrentClusters()).isEqualTo(2);
        assertThat(c.getReaperIntervalMinutes()).isEqualTo(15);
        assertThat(c.getHosts()).isEmpty();
    }

    @Test
    void everySetterSaves() {
        InMemoryConfiguration c = config();

        c.setMaxNodesPerCluster(3);
        c.setMaxConcurrentClusters(4);
        c.setReaperIntervalMinutes(30);
        c.setHosts(List.of(new PveHostConfig("lab")));

        assertThat(c.saves).isEqualTo(4);
    }

    @Test
    void limitsAreKeptWithinTheirRange() {
        InMemoryConfiguration c = config();

        c.setMaxNodesPerCluster(0);
        c.setReaperIntervalMinutes(100_000);

        assertThat(c.getMaxNodesPerCluster()).isEqualTo(1);
        assertThat(c.getReaperIntervalMinutes()).isEqualTo(24 * 60);
    }

    @Test
    void twoHostsWithTheSameIdAreRefused() {
        InMemoryConfiguration c = config();

        assertThatThrownBy(() -> c.setHosts(List.of(new PveHostConfig("lab"), new PveHostConfig("lab"))))
                .hasMessage("Two PVE hosts have the id 'lab'; give each its own.");
        assertThat(c.saves).isZero();
    }

    @Test
    void hostsAreFoundById() {
        InMemoryConfiguration c = config();
        c.setHosts(List.of(new PveHostConfig("lab"), new PveHostConfig("ci")));

        assertThat(c.findHost("ci")).get().extracting(PveHostConfig::getId).isEqualTo("ci");
        assertThat(c.findHost("nope")).isEmpty();
    }

    @Test
    void configureBindsTheFormAndSaves() throws Exception {
        InMemoryConfiguration c = config();

        boolean ok = c.configure(request(b -> b.setMaxNodesPerCluster(7)), new JSONObject());

        assertThat(ok).isTrue();
        assertThat(c.getMaxNodesPerCluster()).isEqualTo(7);
        assertThat(c.saves).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aFormWithoutHostsClearsTheHosts() throws Exception {
        InMemoryConfiguration c = config();
        c.setHosts(List.of(new PveHostConfig("lab")));

        c.configure(request(b -> {}), new JSONObject());

        assertThat(c.getHosts()).isEmpty();
    }

    @Test
    void duplicateHostsInTheFormAreAFormErrorOnTheHostsField() {
        InMemoryConfiguration c = config();

        assertThatThrownBy(() -> c.configure(
                        request(b -> b.setHosts(List.of(new PveHostConfig("a"), new PveHostConfig("a")))),
                        new JSONObject()))
                .isInstanceOf(Descriptor.FormException.class)
                .hasMessageContaining("'a'");
    }
}
