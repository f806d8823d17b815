package io.jenkins.plugins.nestedpve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One in-process demo (3 nodes, latencies x0.01), examined by several tests. */
class DemoTest {
    @TempDir
    static Path dir;

    static CliHarness.Result result;
    static JsonNode json;

    @BeforeAll
    static void runDemo() throws IOException {
        result =
                new CliHarness(dir).run("demo", "--latency-scale", "0.01", "--json", "--request-log", "requests.jsonl");
        json = new ObjectMapper().readTree(result.out());
    }

    @Test
    void exitsZero() {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
    }

    @Test
    void clusterWasQuorateOnEveryNode() {
        assertThat(json.get("quorate").asBoolean()).isTrue();
        assertThat(json.get("checks")).hasSize(3);
        json.get("checks").forEach(c -> {
            assertThat(c.get("ok").asBoolean()).isTrue();
            assertThat(c.get("pveversion").asText()).startsWith("pve-manager/8.4");
        });
        assertThat(result.err()).contains("Quorate: Yes");
    }

    @Test
    void nodesHaveDistinctNamesAddressesAndFingerprints() {
        JsonNode nodes = json.get("cluster").get("nodes");
        assertThat(nodes).hasSize(3);
        Set<String> names = new HashSet<>();
        Set<String> addresses = new HashSet<>();
        Set<String> fingerprints = new HashSet<>();
        nodes.forEach(n -> {
            names.add(n.get("name").asText());
            addresses.add(n.get("address").asText());
            fingerprints.add(n.get("apiFingerprint").asText());
        });
        assertThat(names).hasSize(3);
        assertThat(addresses).hasSize(3);
        assertThat(fingerprints).hasSize(3);
    }

    @Test
    void nothingIsLeftOnTheSimulator() {
        assertThat(json.get("leftovers")).isEmpty();
        assertThat(json.get("teardown").asText()).startsWith("teardown: 3 destroyed");
        assertThat(result.err()).contains("simulator inspection: nothing of ours is left");
    }

    @Test
    void printsAPerNodePerPhaseTimelineInWallAndSimulatedTime() {
        String name = json.get("cluster").get("nodes").get(0).get("name").asText();
        assertThat(result.err())
                .contains("timeline (wall clock):", "timeline (simulated: the simulator's latencies at full length");
        List<String> cloneRows =
                result.err().lines().filter(l -> l.startsWith("clone ")).toList();
        assertThat(cloneRows).hasSize(2);
        assertThat(result.err()
                        .lines()
                        .filter(l -> l.startsWith("phase "))
                        .findFirst()
                        .orElseThrow())
                .contains(name, "span");
        assertThat(json.get("timingsMillis").get("join")).hasSize(2);
        assertThat(json.get("simulatedTimingsMillis").get("clone").get(name).asLong())
                .isGreaterThan(json.get("timingsMillis").get("clone").get(name).asLong());
    }

    @Test
    void simulatedTimeDoesNotStretchTheLocalWorkByTheScale() {
        // identity is mostly local work (SSH, key generation): dividing its wall time by the scale
        // (0.01) made it a hundred times longer; the simulator's latencies are a small part of it
        String name = json.get("cluster").get("nodes").get(0).get("name").asText();
        long wall = json.get("timingsMillis").get("identity").get(name).asLong();
        long simulated =
                json.get("simulatedTimingsMillis").get("identity").get(name).asLong();
        assertThat(simulated).isGreaterThanOrEqualTo(wall).isLessThan(wall * 100 / 2);
    }

    @Test
    void printsALiveLinePerPhaseAndNode() {
        String name = json.get("cluster").get("nodes").get(1).get("name").asText();
        assertThat(result.err()).containsPattern("\\] clone +" + name + " +ok ");
        assertThat(result.err()).containsPattern("\\] identity +" + name + " +ok .*\\(simulated ");
    }

    @Test
    void writesTheSimulatorsRequestLog() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("requests.jsonl"));
        assertThat(lines).isNotEmpty();
        assertThat(new ObjectMapper().readTree(lines.get(0)).isObject()).isTrue();
        assertThat(lines).anyMatch(l -> l.contains("/clone"));
    }
}
