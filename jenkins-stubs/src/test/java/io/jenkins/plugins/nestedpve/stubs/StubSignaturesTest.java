package io.jenkins.plugins.nestedpve.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every type that jenkins-api-signatures.txt lists is stubbed with exactly the listed header and members. */
class StubSignaturesTest {

    @TestFactory
    Stream<DynamicTest> everyListedTypeMatchesItsStub() throws IOException {
        SignatureFile file = SignatureFile.bundled();
        assertThat(file.types()).hasSizeGreaterThan(50);
        return file.types().values().stream()
                .map(entry -> DynamicTest.dynamicTest(
                        entry.name(),
                        () -> assertThat(StubComparison.mismatches(entry)).isEmpty()));
    }

    @Test
    void aWrongModifierIsReported() {
        SignatureFile file = SignatureFile.parse(
                List.of(
                        "hudson.AbortException   [kind=CLASS mods=[public final] tparams= super=java.io.IOException interfaces=[]]"));

        assertThat(StubComparison.mismatches(file.types().get("hudson.AbortException")))
                .containsExactly(
                        "hudson.AbortException: modifiers should be [final, public] but the stub has [public]");
    }

    @Test
    void aWrongThrowsClauseIsReported() {
        SignatureFile file = SignatureFile.parse(List.of(
                "hudson.model.Run   [kind=CLASS mods=[public abstract] tparams=<JobT extends hudson.model.Job<JobT,RunT>,"
                        + " RunT extends hudson.model.Run<JobT,RunT>> super=hudson.model.Actionable interfaces=[]]",
                "    public hudson.EnvVars getEnvironment(hudson.model.TaskListener) throws java.io.IOException"));

        assertThat(StubComparison.mismatches(file.types().get("hudson.model.Run")))
                .anySatisfy(m ->
                        assertThat(m).contains("member missing or different: public hudson.EnvVars getEnvironment"))
                .anySatisfy(m -> assertThat(m).startsWith("hudson.model.Run: interfaces should be []"));
    }

    @Test
    void methodTypeVariablesAndVarargsAreRenderedAsInTheFile() {
        SignatureFile file = SignatureFile.parse(List.of(
                "com.cloudbees.plugins.credentials.CredentialsMatchers   [kind=CLASS mods=[public] tparams="
                        + " super=java.lang.Object interfaces=[]]",
                "    public static com.cloudbees.plugins.credentials.CredentialsMatcher allOf("
                        + "com.cloudbees.plugins.credentials.CredentialsMatcher...)",
                "    public static <M0 extends com.cloudbees.plugins.credentials.Credentials> M0 firstOrNull("
                        + "java.lang.Iterable<M0>, com.cloudbees.plugins.credentials.CredentialsMatcher)"));

        assertThat(StubComparison.mismatches(file.types().get("com.cloudbees.plugins.credentials.CredentialsMatchers")))
                .isEmpty();
    }

    @Test
    void aListedTypeWithoutStubIsReported() {
        SignatureFile file = SignatureFile.parse(
                List.of("hudson.model.Nowhere   [kind=INTERFACE mods=[public abstract] tparams= interfaces=[]]"));

        assertThat(StubComparison.mismatches(file.types().get("hudson.model.Nowhere")))
                .containsExactly("hudson.model.Nowhere: listed but not stubbed");
    }
}
