package io.jenkins.plugins.nestedpve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nestedpve upgrade} and {@code demo --upgrade}: bad options fail before anything starts. */
class UpgradeCommandTest {
    @TempDir
    Path dir;

    CliHarness.Result run(String... args) {
        return new CliHarness(dir).run(args);
    }

    @Test
    void aMissingDescriptorExits2AndSaysWhereItIsWritten() {
        CliHarness.Result r = run("upgrade", "--descriptor", "nested-pve-out/np-x.json");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("np-x.json does not exist", "'nestedpve up' writes it");
    }

    @Test
    void aNameNeedsTheSpecFile() {
        CliHarness.Result r = run("upgrade", "--name", "np-x");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--name needs the spec file (-f SPEC)");
    }

    @Test
    void aBadStrategyOnTheDemoNamesTheOptionBeforeAnythingStarts() {
        CliHarness.Result r = run("demo", "--upgrade", "--strategy", "blue-green");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--strategy: 'blue-green' is not one of rolling, parallel");
        assertThat(r.err()).doesNotContain("starting the simulated PVE host");
    }

    @Test
    void aDowntimeLimitWithoutWorkloadNamesBothOptions() {
        CliHarness.Result r = run("demo", "--upgrade", "--max-guest-downtime", "30s");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--max-guest-downtime: applies to the workload guests");
    }

    @Test
    void aReportWithoutUpgradeIsAUsageError() {
        CliHarness.Result r = run("demo", "--report", "r.xml");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--report is the upgrade trial's report: add --upgrade");
    }
}
