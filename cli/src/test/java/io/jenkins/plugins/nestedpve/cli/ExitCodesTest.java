package io.jenkins.plugins.nestedpve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The usage errors and their exit code 2, the informational exits 0; the rest is in the command tests. */
class ExitCodesTest {
    @TempDir
    Path dir;

    CliHarness.Result run(String... args) {
        return new CliHarness(dir).run(args);
    }

    @Test
    void noCommandPrintsUsageAndExits2() {
        CliHarness.Result r = run();

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("Usage: nestedpve", "demo", "run", "doctor");
    }

    @Test
    void unknownCommandExits2() {
        assertThat(run("launch").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void runWithoutSpecExits2() {
        CliHarness.Result r = run("run", "true");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--file");
    }

    @Test
    void runWithoutCommandExits2() {
        assertThat(run("run", "-f", "cluster.yaml").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void missingSpecFileExits2AndSaysSo() {
        CliHarness.Result r = run("doctor", "-f", "nosuch.yaml");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("nosuch.yaml does not exist");
    }

    @Test
    void downNeedsNameOrDescriptor() {
        assertThat(run("down", "-f", "cluster.yaml").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void badExpiryExits2() {
        CliHarness.Result r = run("up", "-f", "cluster.yaml", "--expire", "soon");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--expire", "'soon' is not a duration");
    }

    @Test
    void anExpiryBeyondThirtyDaysExits2() {
        CliHarness.Result r = run("up", "-f", "cluster.yaml", "--expire", "99999999d");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--expire", "at most 30d");
    }

    @Test
    void everyCommandPrintsTheVersion() {
        for (String command : new String[] {"run", "up", "down", "reap", "doctor", "demo", "sim"}) {
            assertThat(run(command, "--version").out()).as(command).startsWith("nestedpve ");
        }
    }

    @Test
    void everyCommandThatTalksToAHostHasARequestLog() {
        for (String command : new String[] {"run", "up", "down", "reap", "doctor"}) {
            assertThat(run(command, "--help").out()).as(command).contains("--request-log=FILE");
        }
    }

    @Test
    void demoNodeCountIsChecked() {
        assertThat(run("demo", "--nodes", "0").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void demoFaultRateIsAProbability() {
        assertThat(run("demo", "--fault-rate", "1.5").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void secretsAreNotAcceptedAsArguments() {
        CliHarness.Result r = run("doctor", "--token", "x", "-f", "cluster.yaml");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("Unknown options: '--token'");
    }

    @Test
    void helpAndVersionExit0() {
        assertThat(run("--help").exitCode()).isZero();
        assertThat(run("--version").out()).startsWith("nestedpve ");
        assertThat(run("help", "run").out()).contains("NESTED_PVE_ROOT_PASSWORD");
    }
}
