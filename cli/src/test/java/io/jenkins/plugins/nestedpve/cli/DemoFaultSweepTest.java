package io.jenkins.plugins.nestedpve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ten demos with different fault seeds at a 10 % fault rate: whatever fails, nothing may be left. */
class DemoFaultSweepTest {
    static final int SEEDS = 10;

    @TempDir
    Path dir;

    @Test
    void tenFaultSeedsAtTenPercentLeaveNothingBehind() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Outcome>> futures = new ArrayList<>();
        for (int seed = 1; seed <= SEEDS; seed++) {
            int s = seed;
            futures.add(pool.submit(() -> demo(s)));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> f : futures) {
            outcomes.add(f.get());
        }
        pool.shutdown();

        for (Outcome o : outcomes) {
            assertThat(o.json().get("leftovers"))
                    .as("seed %d:\n%s", o.seed(), o.result().err())
                    .isEmpty();
            assertThat(o.result().exitCode())
                    .as("seed %d:\n%s", o.seed(), o.result().err())
                    .isIn(0, 1, 3);
            assertThat(o.json().get("exitCode").asInt()).isEqualTo(o.result().exitCode());
        }
    }

    record Outcome(int seed, CliHarness.Result result, JsonNode json) {}

    private Outcome demo(int seed) {
        CliHarness.Result r = new CliHarness(dir.resolve("seed-" + seed))
                .run(
                        "demo",
                        "--nodes",
                        "2",
                        "--fault-seed",
                        Integer.toString(seed),
                        "--fault-rate",
                        "0.1",
                        "--latency-scale",
                        "0.01",
                        "--json");
        try {
            return new Outcome(seed, r, new ObjectMapper().readTree(r.out()));
        } catch (IOException e) {
            throw new UncheckedIOException("seed " + seed + " printed no JSON:\n" + r.all(), e);
        }
    }
}
