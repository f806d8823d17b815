package io.jenkins.plugins.nestedpve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench --quick --json}: one JSON object with the sizes and the concurrent runs, ratios as numbers. */
class BenchQuickTest {
    @TempDir
    static Path dir;

    static CliHarness.Result result;
    static JsonNode json;

    @BeforeAll
    static void runBench() throws Exception {
        result = new CliHarness(dir)
                .run("bench", "--quick", "--json", "--svg", dir.resolve("t.svg").toString());
        json = Json.MAPPER.readTree(result.out());
    }

    @Test
    void exitsZero() {
        assertThat(result.exitCode()).as(result.err()).isZero();
    }

    @Test
    void sizesCarryTheTimesTheirBoundsAndNumericRatios() {
        assertThat(json.get("sizes")).hasSize(1);
        JsonNode size = json.get("sizes").get(0);
        assertThat(size.get("nodes").asInt()).isEqualTo(1);
        for (String f : new String[] {
            "ready_s",
            "ready_bound_s",
            "ready_ratio",
            "teardown_s",
            "teardown_bound_s",
            "teardown_ratio",
            "api_requests_per_node"
        }) {
            assertThat(size.get(f)).as(f).isNotNull();
            assertThat(size.get(f).isNumber()).as(f).isTrue();
            assertThat(size.get(f).asDouble()).as(f).isPositive();
        }
    }

    @Test
    void concurrentRunsReportFailuresLeftoversAndPercentiles() {
        assertThat(json.get("concurrent")).hasSize(1);
        JsonNode c = json.get("concurrent").get(0);
        assertThat(c.get("clusters").asInt()).isEqualTo(2);
        assertThat(c.get("failures").asInt()).isZero();
        assertThat(c.get("leftovers").asInt()).isZero();
        assertThat(c.get("ready_p50_s").isNumber()).isTrue();
        assertThat(c.get("ready_p95_s").asDouble())
                .isGreaterThanOrEqualTo(c.get("ready_p50_s").asDouble());
    }

    @Test
    void writesTheTimelineChart() throws Exception {
        String svg = Files.readString(dir.resolve("t.svg"));
        assertThat(svg)
                .startsWith("<svg")
                .contains("clone", "address", "teardown")
                .endsWith("</svg>\n");
    }
}
