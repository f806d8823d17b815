package io.jenkins.plugins.nestedpve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nestedpve status}: room, line and clusters of a simulated host. */
class StatusCommandTest {
    static SimFixture ready;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSimulator() {
        ready = new SimFixture();
    }

    @AfterAll
    static void stopSimulator() {
        ready.close();
    }

    @Test
    void showsTheRoomTheSharedLineAndTheClustersOnTheHost() {
        CliHarness.Result r =
                new CliHarness(dir).run("status", "-f", ready.spec(dir, 3).toString());

        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out())
                .contains("host node " + ready.sim.hostNode() + ": 128 GiB memory")
                .containsPattern("room: [0-9.]+ GiB free of 128 GiB \\(available [0-9.]+ GiB, reserve 0 GiB, margin")
                .contains("line: 0 ticket(s), kept in the host's resource pools (nestedpve-room-*)")
                .contains("clusters on " + ready.sim.hostNode() + " (every installation): 0");
    }

    @Test
    void theReserveOfTheHostSectionIsTakenOffTheRoom() throws Exception {
        Path spec = ready.spec(dir, 3);
        Files.writeString(spec, Files.readString(spec).replaceFirst("(?m)^host:\\n", "host:\n  reserveMiB: 8192\n"));

        CliHarness.Result r = new CliHarness(dir).run("status", "-f", spec.toString(), "--json");

        assertThat(r.exitCode()).as(r.all()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.path("room").path("reserveMiB").asLong()).isEqualTo(8192);
        assertThat(json.path("lineShared").asBoolean()).isTrue();
        assertThat(json.path("room").path("freeMiB").asLong())
                .isEqualTo(json.path("room").path("availableMiB").asLong()
                        - json.path("room").path("marginMiB").asLong()
                        - 8192
                        - json.path("room").path("guestsMayTakeMiB").asLong()
                        - json.path("room").path("heldMiB").asLong());
    }
}
