package io.jenkins.plugins.nestedpve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.teardown.Teardown;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
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
    void commandSeesTheClusterEnvironmentAndItsExitCodeIsPassedOn() throws Exception {
        Path spec = fixture.spec(dir, 2);

        CliHarness.Result r = new CliHarness(dir)
                .run(
                        "run",
                        "-f",
                        spec.toString(),
                        "--",
                        "sh",
                        "-c",
                        "echo nodes=$NESTED_PVE_NODE_COUNT clustered=$NESTED_PVE_CLUSTERED; test -f \"$NESTED_PVE_DESCRIPTOR\""
                                + " && test -f \"$NESTED_PVE_INVENTORY\" && printf %s \"$NESTED_PVE_ROOT_PASSWORD\" > pw");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("nodes=2 clustered=true");
        String password = Files.readString(dir.resolve("pw"));
        assertThat(password).hasSize(24);
        assertThat(r.all())
                .doesNotContain(password)
                .doesNotContain(fixture.sim.tokenSecret())
                .doesNotContain(fixture.sim.guestRootPassword());
        assertThat(r.err()).contains("teardown: 2 destroyed");
    }

    @Test
    void theFilesOfATornDownClusterAreRemoved() throws Exception {
        Path spec = fixture.spec(dir, 1);

        CliHarness.Result r = new CliHarness(dir).run("run", "-f", spec.toString(), "sh", "-c", "ls nested-pve-out");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains(".json", "-inventory.ini");
        try (var files = Files.list(dir.resolve("nested-pve-out"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void failingCommandIsTornDownAndItsExitCodePassedOn() {
        Path spec = fixture.spec(dir, 1);

        CliHarness.Result r = new CliHarness(dir).run("run", "-f", spec.toString(), "sh", "-c", "echo failing; exit 7");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(7);
        assertThat(r.out()).contains("failing");
        assertThat(r.err()).contains("command exited with 7", "teardown: 1 destroyed");
    }

    @Test
    void stopWhileTheCommandRunsEndsItAndTearsDown() throws Exception {
        Path spec = fixture.spec(dir, 1);
        CliHarness cli = new CliHarness(dir);

        CompletableFuture<CliHarness.Result> run = CompletableFuture.supplyAsync(
                () -> cli.run("run", "-f", spec.toString(), "--", "sh", "-c", "touch started; exec sleep 600"));
        awaitFile(dir.resolve("started"), run);
        cli.hooks().trigger();
        CliHarness.Result r = run.get(60, TimeUnit.SECONDS);

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(r.err()).contains("stop requested", "teardown: 1 destroyed");
        assertThat(cli.hooks().registered()).isZero();
    }

    @Test
    void stopDuringProvisioningCancelsAndCleansUp() throws Exception {
        Path spec = fixture.spec(dir, 2);
        CliHarness cli = new CliHarness(dir);

        CompletableFuture<CliHarness.Result> run =
                CompletableFuture.supplyAsync(() -> cli.run("run", "-f", spec.toString(), "--", "true"));
        fixture.sim.await(() -> fixture.sim.vms().size() > 1, java.time.Duration.ofSeconds(60), "a clone");
        cli.hooks().trigger();
        CliHarness.Result r = run.get(60, TimeUnit.SECONDS);

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(r.err()).contains("provisioning failed", "cancelled");
    }

    @Test
    void badSpecIsAUsageErrorAndCreatesNothing() throws Exception {
        Path spec = fixture.spec(dir, 2);
        Files.writeString(spec, Files.readString(spec).replace("nodes: 2", "nodes: 0"));

        CliHarness.Result r = new CliHarness(dir).run("run", "-f", spec.toString(), "true");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("nodes: must be between 1 and 32");
    }

    @Test
    void hostThatDoesNotFitTheSpecIsAUsageErrorNamingTheField() throws Exception {
        Path spec = fixture.spec(dir, 1);
        Files.writeString(spec, Files.readString(spec).replace("template: 9000", "template: 9999"));

        CliHarness.Result r = new CliHarness(dir).run("run", "-f", spec.toString(), "true");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("has a problem (nothing was created)", "template: ");
    }

    @Test
    void provisioningFailureExits3() {
        Path spec = fixture.spec(dir, 1);
        // every start fails: three per clone (the first and two re-sends), for the clone and its two replacements
        for (int i = 0; i < 9; i++) {
            fixture.sim.faults().failNextTask("qmstart");
        }

        CliHarness.Result r = new CliHarness(dir).run("run", "-f", spec.toString(), "true");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.PROVISIONING_FAILED);
        assertThat(r.err())
                .contains("provisioning failed: phase START")
                .contains("replacement(s) of this cluster are used up");
    }

    @Test
    void incompleteTeardownExits4AndSaysWhatToDo() throws Exception {
        Path spec = fixture.spec(dir, 1);
        CliHarness cli = new CliHarness(dir);

        CompletableFuture<CliHarness.Result> run = CompletableFuture.supplyAsync(() -> cli.run(
                "run",
                "-f",
                spec.toString(),
                "sh",
                "-c",
                "echo $NESTED_PVE_CLUSTER > name; while [ ! -f armed ]; do sleep 0.1; done"));
        awaitFile(dir.resolve("name"), run);
        for (int i = 0; i < Teardown.ATTEMPTS; i++) { // every destroy attempt of the teardown fails
            fixture.sim.faults().failNextTask("qmdestroy");
        }
        Files.createFile(dir.resolve("armed"));
        CliHarness.Result r = run.get(60, TimeUnit.SECONDS);
        String name = Files.readString(dir.resolve("name")).strip();

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.LEFTOVERS);
        assertThat(r.err()).contains("TEARDOWN INCOMPLETE", "nestedpve down --name " + name);
        assertThat(cli.run("down", "--name", name, "-f", spec.toString()).exitCode())
                .isZero();
    }

    private static void awaitFile(Path file, CompletableFuture<?> run) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(file)) {
            if (run.isDone() || System.nanoTime() > deadline) {
                throw new AssertionError("the command never started: " + run.join());
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
