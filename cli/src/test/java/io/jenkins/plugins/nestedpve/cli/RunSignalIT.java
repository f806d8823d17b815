package io.jenkins.plugins.nestedpve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar nestedpve.jar run ...} as a real child process, stopped with SIGTERM
 * ({@link Process#destroy()}): the shutdown hook tears the cluster down before the JVM exits, as the
 * in-test simulator's own inspection shows. Runs after {@code package} built the jar.
 */
class RunSignalIT {
    static final int SIGTERM_EXIT = 128 + 15;

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

    @Test
    void sigtermWhileTheCommandRunsTearsTheClusterDown() throws Exception {
        Path spec = fixture.spec(dir, 1);
        Process p = start(spec, "sh", "-c", "echo READY; exec sleep 600");

        fixture.sim.await(() -> read("out").contains("READY") || !p.isAlive(), Duration.ofSeconds(120), "READY");
        assertThat(p.isAlive()).as(read("err")).isTrue();
        p.destroy();

        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(read("err")).isTrue();
        assertThat(p.exitValue()).as(read("err")).isEqualTo(SIGTERM_EXIT);
        assertThat(read("err")).contains("stop requested", "command exited with 143", "teardown: 1 destroyed");
    }

    @Test
    void sigtermDuringProvisioningCancelsAndCleansUp() throws Exception {
        Path spec = fixture.spec(dir, 2);
        Process p = start(spec, "true");

        fixture.sim.await(() -> fixture.sim.vms().size() > 1 || !p.isAlive(), Duration.ofSeconds(120), "a clone");
        assertThat(p.isAlive()).as(read("err")).isTrue();
        p.destroy();

        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(read("err")).isTrue();
        assertThat(p.exitValue()).as(read("err")).isEqualTo(SIGTERM_EXIT);
        assertThat(read("err")).contains("stop requested", "provisioning failed");
    }

    @Test
    void aKilledRunLeavesAnOrphanThatReapRemoves() throws Exception {
        Path spec = fixture.spec(dir, 1);
        Process p = start(spec, "sh", "-c", "echo READY; exec sleep 600");
        fixture.sim.await(() -> read("out").contains("READY") || !p.isAlive(), Duration.ofSeconds(120), "READY");
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly(); // SIGKILL: no shutdown hook, the cluster stays
        p.waitFor(30, TimeUnit.SECONDS);
        assertThat(fixture.sim.vms()).hasSize(2);
        CliHarness sameInstallation = new CliHarness(dir);

        CliHarness.Result young = sameInstallation.run("reap", "-f", spec.toString());
        CliHarness.Result reap = sameInstallation.run("reap", "-f", spec.toString(), "--min-age", "0s");

        assertThat(young.out()).as(young.err()).contains("0 reaped", "kept VM");
        assertThat(reap.exitCode()).as(reap.err()).isZero();
        assertThat(reap.out()).contains("1 reaped", "owner gone");
    }

    private Process start(Path spec, String... command) throws IOException {
        Path jar = Path.of(System.getProperty("nestedpve.jar", "target/nestedpve.jar"))
                .toAbsolutePath();
        assertThat(jar)
                .as("the runnable jar; build it with 'mvn package' (this test runs in the integration-test phase)")
                .exists();
        List<String> args = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "run",
                "-f",
                spec.toString(),
                "--"));
        args.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(args)
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile());
        pb.environment()
                .put(
                        CliContext.HOME_VARIABLE,
                        Files.createDirectories(dir.resolve("home")).toString());
        return pb.start();
    }

    private String read(String stream) {
        try {
            return Files.readString(dir.resolve(stream), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
