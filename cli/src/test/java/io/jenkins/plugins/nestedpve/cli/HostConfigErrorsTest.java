package io.jenkins.plugins.nestedpve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A host that cannot be reached or trusted, or a wrong token: exit 2, nothing created, the field named. */
class HostConfigErrorsTest {
    static SimFixture fixture;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSimulator() {
        fixture = new SimFixture();
    }

    @AfterAll
    static void stopSimulator() {
        fixture.close();
    }

    @AfterEach
    void nothingIsLeft() {
        fixture.assertNothingLeft();
    }

    private CliHarness.Result up(UnaryOperator<String> edit) throws IOException {
        Path spec = fixture.spec(dir, 1);
        Files.writeString(spec, edit.apply(Files.readString(spec)));
        return new CliHarness(dir).run("up", "-f", spec.toString());
    }

    @Test
    void aWrongFingerprintExits2NamingTheField() throws IOException {
        CliHarness.Result r = up(y -> y.replaceFirst("fingerprint: \"..", "fingerprint: \"00"));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("host.fingerprint", "nothing was created");
    }

    @Test
    void aWrongTokenExits2NamingTheField() throws IOException {
        SecretFiles.write(dir.resolve("cluster.yaml.token.wrong"), "00000000-0000-0000-0000-000000000000");
        CliHarness.Result r =
                up(y -> y.replace("tokenFile: cluster.yaml.token", "tokenFile: cluster.yaml.token.wrong"));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("host.token", "nothing was created");
    }

    @Test
    void anUnreachableHostExits2NamingTheField() throws IOException {
        CliHarness.Result r = up(y -> y.replaceFirst("apiUrl: https://([0-9.]+):[0-9]+", "apiUrl: https://$1:1"));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("host.apiUrl", "nothing was created");
    }

    @Test
    void aHostNameThatDoesNotResolveSaysSo() throws IOException {
        CliHarness.Result r =
                up(y -> y.replaceFirst("apiUrl: https://[0-9.]+:", "apiUrl: https://no-such-host.invalid:"));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("host.apiUrl", "no-such-host.invalid", "does not resolve", "nothing was created");
    }
}
