package io.jenkins.plugins.nestedpve.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nestedpve bench}: time to a ready cluster against PVE's own critical path, and many clusters at once. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmark the engine on the embedded simulator with its realistic latency profile, scaled:"
                    + " time to ready and to torn down for 1, 3, 5 and 7 nodes against the critical-path bound"
                    + " of the same profile, API requests and SSH commands per node, then 8, 16 and 32 concurrent"
                    + " 3-node clusters on one simulated host. Times are simulated time (docs/benchmarks.md).",
            "Exit 0 when every cluster came up and nothing was left; 1 otherwise."
        })
final class BenchCommand implements Callable<Integer> {
    private static final double WARM_UP_SCALE = 0.02;
    private static final double DEFAULT_SCALE = 0.2;
    private static final double QUICK_SCALE = 0.05;

    private final CliContext ctx;

    @Option(
            names = "--quick",
            description = "A reduced set for a smoke test: 1 node, and 2 concurrent 3-node clusters, latencies x0.05,"
                    + " no warm-up.")
    boolean quick;

    @Option(names = "--json", description = "Print the result as one JSON object on stdout (progress goes to stderr).")
    boolean json;

    @Option(
            names = "--svg",
            paramLabel = "FILE",
            description = "Write an SVG chart of the largest size's timeline per node to FILE.")
    Path svg;

    @Option(
            names = "--sizes",
            split = ",",
            paramLabel = "N[,N...]",
            description = "Node counts to time alone (default 1,3,5,7; --quick: 1).")
    List<Integer> sizes;

    @Option(
            names = "--concurrent",
            split = ",",
            paramLabel = "N[,N...]",
            description = "Numbers of concurrent 3-node clusters (default 8,16,32; --quick: 2; 0 for none).")
    List<Integer> concurrent;

    @Option(
            names = "--latency-scale",
            paramLabel = "X",
            description = "Realistic PVE latencies times this factor for the sizes (default 0.2; --quick: 0.05).")
    Double latencyScale;

    @Option(
            names = "--concurrent-latency-scale",
            paramLabel = "X",
            description = "The same for the concurrent clusters (default ${DEFAULT-VALUE}).")
    double concurrentScale = 0.05;

    BenchCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws InterruptedException {
        List<Integer> sizeList = sizes != null ? sizes : quick ? List.of(1) : List.of(1, 3, 5, 7);
        List<Integer> concurrentList = concurrent != null ? concurrent : quick ? List.of(2) : List.of(8, 16, 32);
        double scale = latencyScale != null ? latencyScale : quick ? QUICK_SCALE : DEFAULT_SCALE;
        check(sizeList, concurrentList, scale);
        PrintStream progress = json ? ctx.err() : ctx.out();
        if (!quick) {
            // a long-running controller has a warm JVM: TLS, SSH and JSON code loaded and compiled
            progress.println("bench: warm-up (a 1-node cluster, not counted) ...");
            new BenchSizeRun(ctx, WARM_UP_SCALE, new PrintStream(OutputStream.nullOutputStream())).run(1);
        }
        List<BenchResults.Size> sizeResults = new ArrayList<>();
        for (int n : sizeList) {
            progress.println("bench: " + n + " node(s) alone, latencies x" + scale + " ...");
            sizeResults.add(new BenchSizeRun(ctx, scale, progress).run(n));
        }
        List<BenchResults.Concurrent> concurrentResults = new ArrayList<>();
        BenchResults.Concurrent baseline = null;
        if (concurrentList.stream().anyMatch(n -> n > 0)) {
            // the yardstick: one 3-node cluster alone at the same scale, measured the same way
            progress.println("bench: 1 3-node cluster alone, latencies x" + concurrentScale + " (the yardstick) ...");
            baseline = new BenchConcurrent(ctx, concurrentScale, progress).run(1);
        }
        for (int n : concurrentList) {
            if (n == 0) {
                continue;
            }
            progress.println("bench: " + n + " concurrent 3-node clusters, latencies x" + concurrentScale + " ...");
            concurrentResults.add(new BenchConcurrent(ctx, concurrentScale, progress).run(n));
        }
        BenchReport report = new BenchReport(sizeResults, concurrentResults, baseline, scale, concurrentScale);
        if (svg != null && !sizeResults.isEmpty()) {
            writeSvg(sizeResults.get(sizeResults.size() - 1));
        }
        if (json) {
            Json.print(ctx.out(), report.json());
        } else {
            ctx.out().print(report.table());
        }
        return report.ok() ? ExitCodes.OK : ExitCodes.COMMAND_FAILED;
    }

    private void check(List<Integer> sizeList, List<Integer> concurrentList, double scale) {
        for (int n : sizeList) {
            if (n < 1 || n > 16) {
                throw new CliException(ExitCodes.USAGE, "--sizes are node counts 1..16, got " + n);
            }
        }
        for (int n : concurrentList) {
            if (n < 0 || n > 32) {
                throw new CliException(
                        ExitCodes.USAGE,
                        "--concurrent counts are 0..32 (the simulated host's DHCP pool has 100 addresses), got " + n);
            }
        }
        if (!(scale > 0 && scale <= 1) || !(concurrentScale > 0 && concurrentScale <= 1)) {
            throw new CliException(ExitCodes.USAGE, "latency scales are in (0, 1]");
        }
    }

    private void writeSvg(BenchResults.Size size) {
        Path file = ctx.resolve(svg.toString());
        String title = size.nodes() + "-node cluster alone: phases per node in simulated time (nestedpve bench)";
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, new TimelineSvg(size.timeline(), title).render(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + " — check the directory is writable", e);
        }
        (json ? ctx.err() : ctx.out()).println("timeline chart: " + file);
    }
}
