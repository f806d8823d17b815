package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.cluster.OutputFiles;
import io.jenkins.plugins.nestedpve.cluster.Secret;
import io.jenkins.plugins.nestedpve.lifecycle.EngineContext;
import io.jenkins.plugins.nestedpve.lifecycle.PveClientFactory;
import io.jenkins.plugins.nestedpve.ssh.SshConnector;
import io.jenkins.plugins.nestedpve.ssh.SshTimeouts;
import io.jenkins.plugins.nestedpve.upgrade.UpgradeReport;
import io.jenkins.plugins.nestedpve.upgrade.UpgradeTimeouts;
import io.jenkins.plugins.nestedpve.wait.Sleeper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nestedpve upgrade (--descriptor FILE | --name CLUSTER -f SPEC) [--to 9] ...}. */
@Command(
        name = "upgrade",
        mixinStandardHelpOptions = true,
        description = {
            "Run an upgrade trial on a cluster left by 'nestedpve up': precheck and pve8to9 on every node, then"
                    + " node by node: guests migrated away, sources switched to trixie, dist-upgrade, reboot,"
                    + " version and kernel checked, cluster quorate again. Prints a per-node table and writes a"
                    + " JUnit report.",
            "The cluster is found by its descriptor (<outputDir>/<cluster>.json, written by 'up') and the root"
                    + " password next to it (<cluster>.root-password). Exits 6 when the trial did not pass."
        })
final class UpgradeCommand implements Callable<Integer> {
    private final CliContext ctx;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    /** Exactly one of name (with the spec) or descriptor. */
    static final class Which {
        @Option(names = "--name", paramLabel = "CLUSTER", description = "The cluster's name (with -f).")
        String name;

        @Option(names = "--descriptor", paramLabel = "FILE", description = "The cluster's descriptor (JSON).")
        Path descriptor;
    }

    @Option(
            names = {"-f", "--file"},
            paramLabel = "SPEC",
            description = "The spec file the cluster was made from (its outputDir holds the descriptor).")
    String file;

    @Mixin
    UpgradeOptions options = new UpgradeOptions();

    UpgradeCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Path descriptor = descriptor();
        NestedCluster cluster = read(descriptor);
        Secret password = password(descriptor.resolveSibling(cluster.name() + ".root-password"));
        UpgradeRun.Clients clients = new UpgradeRun.Clients(
                ctx.clock(),
                new SshConnector(SshTimeouts.DEFAULTS, ctx.clock(), Sleeper.SYSTEM),
                PveClientFactory.standard(ctx.clock(), Sleeper.SYSTEM),
                EngineContext.DEFAULT_POLL);
        Path report = options.report == null ? null : ctx.resolve(options.report.toString());
        try {
            UpgradeReport r = new UpgradeRun(ctx.out(), clients)
                    .run(cluster, password, options.plan(UpgradeTimeouts.DEFAULTS), report);
            return r.passed() ? ExitCodes.OK : ExitCodes.UPGRADE_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.INTERRUPTED;
        }
    }

    private Path descriptor() {
        if (which.descriptor != null) {
            return ctx.resolve(which.descriptor.toString());
        }
        if (file == null) {
            throw new CliException(
                    ExitCodes.USAGE,
                    "--name needs the spec file (-f SPEC) whose outputDir holds"
                            + " the cluster's descriptor; or pass --descriptor FILE");
        }
        LoadedSpec loaded = SpecFiles.load(ctx, file, "nestedpve upgrade");
        return loaded.outputDir().resolve(OutputFiles.descriptorName(which.name));
    }

    private static NestedCluster read(Path descriptor) {
        if (!Files.isRegularFile(descriptor)) {
            throw new CliException(
                    ExitCodes.USAGE,
                    descriptor + " does not exist — 'nestedpve up' writes it into"
                            + " the spec's outputDir; pass --descriptor FILE");
        }
        try {
            return NestedCluster.fromDescriptorJson(SpecFiles.read(descriptor));
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, descriptor + ": " + e.getMessage());
        }
    }

    private static Secret password(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                throw new CliException(ExitCodes.USAGE, file + " is empty; it should hold the cluster's root password");
            }
            return Secret.of(text);
        } catch (IOException e) {
            throw new CliException(
                    ExitCodes.USAGE,
                    "cannot read the root password from " + file + " (" + e.getMessage()
                            + ") — 'nestedpve up' writes it next to the descriptor");
        }
    }
}
