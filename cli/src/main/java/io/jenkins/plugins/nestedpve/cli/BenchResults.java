package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.events.Timeline;
import java.time.Duration;
import java.util.List;

/** What the bench measured; immutable records, times in simulated time unless said otherwise. */
final class BenchResults {
    private BenchResults() {}

    /**
     * One cluster size, provisioned and torn down alone on a fresh simulator.
     *
     * @param error why provisioning failed, or null
     * @param timeline the simulated timeline: every phase of every node, from the start
     */
    record Size(
            int nodes,
            Duration ready,
            Duration readyBound,
            Duration teardown,
            Duration teardownBound,
            Requests requests,
            int leftovers,
            Duration wall,
            String error,
            List<Timeline.PhaseRecord> timeline) {
        double readyRatio() {
            return ratio(ready, readyBound);
        }

        double teardownRatio() {
            return ratio(teardown, teardownBound);
        }
    }

    /**
     * API requests and SSH commands of one cluster's whole life (provisioning and teardown); a poll
     * is a read or command repeating one the same server already answered.
     */
    record Requests(long api, long apiPolls, long ssh, long sshPolls) {
        double apiPollShare() {
            return api == 0 ? 0 : (double) apiPolls / api;
        }

        double sshPollShare() {
            return ssh == 0 ? 0 : (double) sshPolls / ssh;
        }
    }

    /**
     * N 3-node clusters at once from one engine on one simulated host.
     *
     * @param ready the ready time of each cluster that came up, sorted
     * @param readyWall the same in wall-clock time, sorted
     * @param peakClientThreads the most threads of the client (engine, HTTP and SSH clients) seen at once
     * @param peakHeapMiB the most heap in use seen, simulator included (it runs in the same process)
     */
    record Concurrent(
            int clusters,
            int failures,
            int leftovers,
            List<Duration> ready,
            List<Duration> readyWall,
            Duration wall,
            int peakClientThreads,
            long peakHeapMiB,
            List<String> errors) {
        Duration p50() {
            return percentile(ready, 0.50);
        }

        Duration p95() {
            return percentile(ready, 0.95);
        }

        Duration wallP50() {
            return percentile(readyWall, 0.50);
        }

        Duration wallP95() {
            return percentile(readyWall, 0.95);
        }
    }

    /** Nearest-rank percentile of sorted durations; zero when there are none. */
    static Duration percentile(List<Duration> sorted, double p) {
        if (sorted.isEmpty()) {
            return Duration.ZERO;
        }
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    static double ratio(Duration measured, Duration bound) {
        return bound.isZero() ? 0 : (double) measured.toMillis() / bound.toMillis();
    }

    static double seconds(Duration d) {
        return Math.round(d.toMillis() / 100.0) / 10.0;
    }
}
