package io.jenkins.plugins.nestedpve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.nestedpve.cluster.OwnershipMarker;
import io.jenkins.plugins.nestedpve.sim.model.SimVm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpDownReapTest {
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
    void upLeavesTheClusterWithAnExpiryAndDownByNameRemovesIt() throws Exception {
        Path spec = fixture.spec(dir, 1);
        CliHarness cli = new CliHarness(dir);

        CliHarness.Result up = cli.run("up", "-f", spec.toString(), "--expire", "2h", "--json");

        assertThat(up.exitCode()).as(up.err()).isZero();
        JsonNode descriptor = new ObjectMapper().readTree(up.out());
        String name = descriptor.get("cluster").asText();
        Instant expires = Instant.parse(descriptor.get("expires").asText());
        assertThat(expires)
                .isBetween(
                        Instant.now().plus(Duration.ofMinutes(110)),
                        Instant.now().plus(Duration.ofHours(2)));
        assertThat(markers()).singleElement().satisfies(m -> {
            assertThat(m.cluster()).isEqualTo(name);
            assertThat(m.expires()).isEqualTo(expires.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        });
        Path password = dir.resolve("nested-pve-out").resolve(name + ".root-password");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(password)))
                .isEqualTo("rw-------");
        assertThat(up.all()).doesNotContain(Files.readString(password).strip());

        CliHarness.Result down = cli.run("down", "--name", name, "-f", spec.toString());

        assertThat(down.exitCode()).as(down.err()).isZero();
        assertThat(down.out()).contains("teardown: 1 destroyed");
        // the descriptor, the inventory and the root password describe a cluster that is gone
        try (var files = Files.list(dir.resolve("nested-pve-out"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void downByDescriptorRemovesTheCluster() throws Exception {
        Path spec = fixture.spec(dir, 1);
        CliHarness cli = new CliHarness(dir);
        CliHarness.Result up = cli.run("up", "-f", spec.toString());
        assertThat(up.exitCode()).as(up.err()).isZero();
        Path descriptor;
        try (var files = Files.list(dir.resolve("nested-pve-out"))) {
            descriptor = files.filter(f -> f.toString().endsWith(".json"))
                    .findFirst()
                    .orElseThrow();
        }

        CliHarness.Result down =
                cli.run("down", "--descriptor", descriptor.toString(), "-f", spec.toString(), "--json");

        assertThat(down.exitCode()).as(down.err()).isZero();
        assertThat(new ObjectMapper()
                        .readTree(down.out())
                        .get("vms")
                        .get(0)
                        .get("result")
                        .asText())
                .isEqualTo("DESTROYED");
    }

    @Test
    void reapDestroysAnUpClusterOnlyOnceItExpired() throws Exception {
        Path spec = fixture.spec(dir, 1);
        CliHarness cli = new CliHarness(dir);
        assertThat(cli.run("up", "-f", spec.toString(), "--expire", "1h").exitCode())
                .isZero();

        CliHarness.Result early = cli.run("reap", "-f", spec.toString());
        assertThat(early.exitCode()).as(early.err()).isZero();
        assertThat(early.out()).contains("0 reaped", "kept VM");
        assertThat(markers()).hasSize(1);

        CliHarness later = new CliHarness(dir).clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(2)));
        CliHarness.Result dryRun = later.run("reap", "-f", spec.toString(), "--dry-run");
        assertThat(dryRun.out()).contains("would reap VM", "expired at");
        assertThat(markers()).hasSize(1);

        CliHarness.Result reap = later.run("reap", "-f", spec.toString(), "--json");
        assertThat(reap.exitCode()).as(reap.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(reap.out());
        assertThat(report.get("reaped")).hasSize(1);
        assertThat(report.get("teardown").get("ok").asBoolean()).isTrue();
    }

    @Test
    void reapLeavesClustersOfAnotherOwnerAlone() throws Exception {
        Path spec = fixture.spec(dir, 1);
        CliHarness cli = new CliHarness(dir);
        CliHarness.Result up = cli.run("up", "-f", spec.toString(), "--expire", "1h", "--json");
        String name = new ObjectMapper().readTree(up.out()).get("cluster").asText();
        CliHarness later = new CliHarness(dir).clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(2)));

        CliHarness.Result reap = later.run("reap", "-f", spec.toString(), "--owner", "someone-else@elsewhere");

        assertThat(reap.exitCode()).isZero();
        assertThat(reap.out()).contains("0 reaped");
        assertThat(markers()).hasSize(1);
        assertThat(cli.run("down", "--name", name, "-f", spec.toString()).exitCode())
                .isZero();
    }

    @Test
    void downOfAnUnknownClusterHasNothingToDo() {
        Path spec = fixture.spec(dir, 1);

        CliHarness.Result down = new CliHarness(dir).run("down", "--name", "np-nosuch", "-f", spec.toString());

        assertThat(down.exitCode()).isZero();
        assertThat(down.err()).contains("nothing to tear down");
    }

    @Test
    void reapIsScopedToThisInstallation() throws Exception {
        Path spec = fixture.spec(dir, 1);
        CliHarness mine = new CliHarness(dir);
        assertThat(mine.run("up", "-f", spec.toString(), "--expire", "1h").exitCode())
                .isZero();
        Path otherDir = Files.createDirectories(dir.resolve("other"));
        CliHarness other = new CliHarness(otherDir).clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(2)));

        CliHarness.Result reap = other.run("reap", "-f", spec.toString());

        assertThat(reap.out()).contains("0 reaped", "1 not ours");
        assertThat(markers()).hasSize(1);
        CliHarness later = new CliHarness(dir).clock(Clock.offset(Clock.systemUTC(), Duration.ofHours(2)));
        assertThat(later.run("reap", "-f", spec.toString()).out()).contains("1 reaped");
    }

    private static List<OwnershipMarker> markers() {
        return fixture.sim.vms().stream()
                .filter(v -> !v.isTemplate())
                .map(SimVm::currentConfig)
                .map(c -> OwnershipMarker.parse(c.get("description")).orElseThrow())
                .toList();
    }
}
