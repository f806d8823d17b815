package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.cluster.OutputFiles;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import io.jenkins.plugins.nestedpve.provision.Provisioning;
import io.jenkins.plugins.nestedpve.teardown.TeardownReport;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nestedpve run -f cluster.yaml -- COMMAND...}: a cluster for the length of one command. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Provision the cluster of the spec file, run COMMAND with the NESTED_PVE_* environment (the guests'"
                    + " root password only in NESTED_PVE_ROOT_PASSWORD of the command's environment), stream its"
                    + " output, and always tear the cluster down: also when the command fails, on Ctrl-C and on"
                    + " SIGTERM.",
            "Exits with the command's exit code; 3 when provisioning failed, 4 when teardown was incomplete."
        })
final class RunCommand implements Callable<Integer> {
    /** How much longer than the spec's teardown timeout a stop waits before the process exits. */
    static final Duration STOP_MARGIN = Duration.ofSeconds(30);

    private final CliContext ctx;

    @Option(
            names = {"-f", "--file"},
            required = true,
            paramLabel = "SPEC",
            description = "The cluster spec (YAML).")
    String file;

    @Mixin
    RequestLogOption requestLog = new RequestLogOption();

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The command and its arguments.")
    List<String> command;

    RunCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        LoadedSpec loaded = SpecFiles.load(ctx, file, "nestedpve run");
        loaded.warnings().forEach(w -> ctx.err().println("warning: " + w));
        ProgressListener progress = new ProgressPrinter(ctx.err(), ctx.clock());
        Duration bound = loaded.spec().timeouts().teardown().plus(STOP_MARGIN);
        try (InstallationEngine ie = InstallationEngine.open(ctx, requestLog.open(ctx));
                StopHandler stop = new StopHandler(ctx, bound)) {
            Provisioning p = ie.engine().start(loaded.spec(), loaded.hostCredentials(), progress);
            stop.watch(p);
            ShutdownHooks.Registration lease = Provisioned.holdLease(ie, p);
            try {
                return provisionedRun(ie, p, loaded, stop, progress);
            } finally {
                lease.close();
            }
        }
    }

    /** Waits for the cluster, runs the command, tears down; the exit code of {@code run}. */
    private int provisionedRun(
            InstallationEngine ie, Provisioning p, LoadedSpec loaded, StopHandler stop, ProgressListener progress) {
        NestedCluster cluster = Provisioned.await(loaded, p, stop);
        int code;
        try {
            code = runCommand(cluster, p, loaded, stop);
        } catch (RuntimeException e) {
            Provisioned.tearDown(ctx, ie.engine(), cluster, loaded.hostCredentials(), progress);
            throw e;
        }
        TeardownReport report = Provisioned.tearDown(ctx, ie.engine(), cluster, loaded.hostCredentials(), progress);
        if (!report.clean()) {
            return ExitCodes.LEFTOVERS;
        }
        ClusterFiles.remove(loaded.outputDir(), cluster.name(), ctx.err());
        return stop.stopRequested() ? ExitCodes.INTERRUPTED : code;
    }

    private int runCommand(NestedCluster cluster, Provisioning p, LoadedSpec loaded, StopHandler stop) {
        OutputFiles files;
        try {
            files = cluster.writeFiles(loaded.outputDir());
        } catch (IOException e) {
            throw new CliException(
                    ExitCodes.COMMAND_FAILED,
                    "cannot write the descriptor and inventory to " + loaded.outputDir() + ": " + e.getMessage()
                            + " — set outputDir in the spec to a writable directory");
        }
        Map<String, String> env = new LinkedHashMap<>(cluster.environment(files));
        Provisioned.describe(ctx.err(), cluster, files);
        env.putAll(cluster.secretEnvironment(p.rootPassword()));
        ctx.err().println("running: " + String.join(" ", command));
        ctx.err().flush();
        if (stop.stopRequested()) {
            return ExitCodes.INTERRUPTED;
        }
        Process child = ChildCommand.start(command, env, ctx.workDir());
        stop.watch(child);
        try {
            int code = ChildCommand.await(child, ctx.out(), ctx.err());
            ctx.err().println("command exited with " + code);
            return code;
        } catch (InterruptedException e) {
            ChildCommand.end(child);
            Thread.currentThread().interrupt();
            return ExitCodes.INTERRUPTED;
        }
    }
}
