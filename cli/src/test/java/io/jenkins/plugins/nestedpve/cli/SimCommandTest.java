package io.jenkins.plugins.nestedpve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimCommandTest {
    @TempDir
    Path dir;

    @Test
    void simRunsUntilStoppedAndWritesASpecThatDoctorAccepts() throws Exception {
        CliHarness cli = new CliHarness(dir);
        CompletableFuture<CliHarness.Result> sim = CompletableFuture.supplyAsync(
                () -> cli.run("sim", "--latency-scale", "0.01", "--write-spec", "sim.yaml", "--nodes", "2"));
        Path spec = dir.resolve("sim.yaml");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (cli.hooks().registered() == 0 && !sim.isDone() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }

        CliHarness.Result doctor = new CliHarness(dir).run("doctor", "-f", spec.toString());
        cli.hooks().trigger();
        CliHarness.Result r = sim.get(30, TimeUnit.SECONDS);

        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).contains("API URL:", "Spec file:", "Press Ctrl-C to stop.");
        assertThat(doctor.exitCode()).as(doctor.all()).isZero();
        assertThat(Files.readString(spec))
                .contains("nodes: 2", "tokenFile: sim.yaml.token")
                .doesNotContain("password:");
        assertThat(PosixPermissions.of(dir.resolve("sim.yaml.token"))).isEqualTo("rw-------");
    }
}
