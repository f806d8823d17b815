package io.jenkins.plugins.nestedpve.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The bench's figures as a terminal table and as one JSON object. */
final class BenchReport {
    private final List<BenchResults.Size> sizes;
    private final List<BenchResults.Concurrent> concurrent;
    private final BenchResults.Concurrent baseline;
    private final double scale;
    private final double concurrentScale;

    BenchReport(
            List<BenchResults.Size> sizes,
            List<BenchResults.Concurrent> concurrent,
            BenchResults.Concurrent baseline,
            double scale,
            double concurrentScale) {
        this.sizes = List.copyOf(sizes);
        this.concurrent = List.copyOf(concurrent);
        this.baseline = baseline;
        this.scale = scale;
        this.concurrentScale = concurrentScale;
    }

    /** Every cluster came up and went, nothing was left. */
    boolean ok() {
        return sizes.stream().allMatch(s -> s.error() == null && s.leftovers() == 0)
                && concurrent.stream().allMatch(c -> c.failures() == 0 && c.leftovers() == 0)
                && (baseline == null || (baseline.failures() == 0 && baseline.leftovers() == 0));
    }

    /** One 3-node cluster's ready time alone, at the concurrent runs' scale, when it was measured. */
    private Optional<Duration> single() {
        return Optional.ofNullable(baseline)
                .filter(b -> b.failures() == 0 && !b.ready().isEmpty())
                .map(BenchResults.Concurrent::p50);
    }

    JsonNode json() {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("latency_scale", scale);
        o.put("concurrent_latency_scale", concurrentScale);
        o.put("time", "simulated");
        ArrayNode s = o.putArray("sizes");
        for (BenchResults.Size r : sizes) {
            s.addObject()
                    .put("nodes", r.nodes())
                    .put("ready_s", BenchResults.seconds(r.ready()))
                    .put("ready_bound_s", BenchResults.seconds(r.readyBound()))
                    .put("ready_ratio", round(r.readyRatio()))
                    .put("teardown_s", BenchResults.seconds(r.teardown()))
                    .put("teardown_bound_s", BenchResults.seconds(r.teardownBound()))
                    .put("teardown_ratio", round(r.teardownRatio()))
                    .put("api_requests_per_node", round((double) r.requests().api() / r.nodes()))
                    .put("api_poll_share", round(r.requests().apiPollShare()))
                    .put("ssh_commands_per_node", round((double) r.requests().ssh() / r.nodes()))
                    .put("ssh_poll_share", round(r.requests().sshPollShare()))
                    .put("leftovers", r.leftovers())
                    .put("wall_s", BenchResults.seconds(r.wall()))
                    .put("error", r.error());
        }
        ArrayNode c = o.putArray("concurrent");
        Optional<Duration> single = single();
        for (BenchResults.Concurrent r : concurrent) {
            ObjectNode e = c.addObject()
                    .put("clusters", r.clusters())
                    .put("failures", r.failures())
                    .put("leftovers", r.leftovers())
                    .put("ready_p50_s", BenchResults.seconds(r.p50()))
                    .put("ready_p95_s", BenchResults.seconds(r.p95()));
            single.ifPresent(d -> e.put("single_ready_s", BenchResults.seconds(d))
                    .put("p50_vs_single", round(BenchResults.ratio(r.p50(), d)))
                    .put("p95_vs_single", round(BenchResults.ratio(r.p95(), d))));
            e.put("ready_wall_p50_s", BenchResults.seconds(r.wallP50()))
                    .put("ready_wall_p95_s", BenchResults.seconds(r.wallP95()));
            e.put("client_threads_peak", r.peakClientThreads())
                    .put("heap_peak_mib", r.peakHeapMiB())
                    .put("wall_s", BenchResults.seconds(r.wall()));
            ArrayNode errors = e.putArray("errors");
            r.errors().forEach(errors::add);
        }
        return o;
    }

    String table() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "%nsimulated time, latencies x%s (docs/benchmarks.md)%n%5s %8s %8s %6s %9s %8s %6s %8s %6s %8s %6s %5s%n",
                scale,
                "nodes",
                "ready",
                "bound",
                "ratio",
                "teardown",
                "bound",
                "ratio",
                "api/node",
                "polls",
                "ssh/node",
                "polls",
                "left"));
        for (BenchResults.Size r : sizes) {
            b.append(String.format(
                    Locale.ROOT,
                    "%5d %7.1fs %7.1fs %6.3f %8.1fs %7.1fs %6.3f %8.1f %5.0f%% %8.1f %5.0f%% %5d%s%n",
                    r.nodes(),
                    BenchResults.seconds(r.ready()),
                    BenchResults.seconds(r.readyBound()),
                    r.readyRatio(),
                    BenchResults.seconds(r.teardown()),
                    BenchResults.seconds(r.teardownBound()),
                    r.teardownRatio(),
                    (double) r.requests().api() / r.nodes(),
                    100 * r.requests().apiPollShare(),
                    (double) r.requests().ssh() / r.nodes(),
                    100 * r.requests().sshPollShare(),
                    r.leftovers(),
                    r.error() == null ? "" : "  " + r.error()));
        }
        if (!concurrent.isEmpty()) {
            b.append(concurrentTable());
        }
        b.append(ok() ? "bench OK" : "bench: FAILURES or LEFTOVERS (exit 1)").append(System.lineSeparator());
        return b.toString();
    }

    private String concurrentTable() {
        StringBuilder b = new StringBuilder();
        String single = single().map(d -> String.format(Locale.ROOT, "%.1fs", BenchResults.seconds(d)))
                .orElse("-");
        b.append(String.format(
                Locale.ROOT,
                "%nconcurrent 3-node clusters, latencies x%s (one 3-node cluster alone: %s)%n"
                        + "%8s %8s %5s %8s %8s %9s %8s %8s %8s%n",
                concurrentScale,
                single,
                "clusters",
                "failures",
                "left",
                "p50",
                "p95",
                "p95/alone",
                "threads",
                "heapMiB",
                "wall"));
        for (BenchResults.Concurrent r : concurrent) {
            b.append(String.format(
                    Locale.ROOT,
                    "%8d %8d %5d %7.1fs %7.1fs %9s %8d %8d %7.1fs%n",
                    r.clusters(),
                    r.failures(),
                    r.leftovers(),
                    BenchResults.seconds(r.p50()),
                    BenchResults.seconds(r.p95()),
                    single().map(d -> String.format(Locale.ROOT, "%.2f", BenchResults.ratio(r.p95(), d)))
                            .orElse("-"),
                    r.peakClientThreads(),
                    r.peakHeapMiB(),
                    BenchResults.seconds(r.wall())));
            r.errors().forEach(e -> b.append("         ").append(e).append(System.lineSeparator()));
        }
        return b.toString();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
