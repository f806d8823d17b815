package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.cluster.Lifetime;
import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.cluster.NestedNode;
import io.jenkins.plugins.nestedpve.cluster.OutputFiles;
import io.jenkins.plugins.nestedpve.cluster.Secret;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import io.jenkins.plugins.nestedpve.provision.Provisioning;
import io.jenkins.plugins.nestedpve.spec.DurationText;
import io.jenkins.plugins.nestedpve.teardown.OwnershipCheck;
import io.jenkins.plugins.nestedpve.teardown.Teardown;
import io.jenkins.plugins.nestedpve.teardown.TeardownReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nestedpve up -f cluster.yaml [--expire 4h]}: a cluster that outlives the command. */
@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        description = {
            "Provision the cluster of the spec file and leave it running with an expiry in its ownership"
                    + " markers; print its descriptor. Tear it down with 'nestedpve down --name CLUSTER';"
                    + " 'nestedpve reap' removes it once expired.",
            "The guests' root password is written to <outputDir>/<cluster>.root-password (mode 600), never printed."
        })
final class UpCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(
            names = {"-f", "--file"},
            required = true,
            paramLabel = "SPEC",
            description = "The cluster spec (YAML).")
    String file;

    @Mixin
    RequestLogOption requestLog = new RequestLogOption();

    @Option(
            names = "--expire",
            paramLabel = "DURATION",
            description = "How long the cluster may live (default 4h, at most 30d).")
    String expire = "4h";

    @Option(names = "--json", description = "Print the descriptor as JSON on stdout.")
    boolean json;

    UpCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Duration lifetime = lifetime();
        LoadedSpec loaded = SpecFiles.load(ctx, file, "nestedpve up");
        loaded.warnings().forEach(w -> ctx.err().println("warning: " + w));
        ProgressListener progress = new ProgressPrinter(ctx.err(), ctx.clock());
        Duration bound = loaded.spec().timeouts().teardown().plus(RunCommand.STOP_MARGIN);
        try (InstallationEngine ie = InstallationEngine.open(ctx, requestLog.open(ctx));
                StopHandler stop = new StopHandler(ctx, bound)) {
            Provisioning p = ie.engine().start(loaded.spec(), loaded.hostCredentials(), progress);
            stop.watch(p);
            ShutdownHooks.Registration lease = Provisioned.holdLease(ie, p);
            try {
                return keepAndPrint(ie, p, loaded, stop, lifetime, progress);
            } finally {
                lease.close();
            }
        }
    }

    /** Waits for the cluster, writes its expiry into the markers, prints it; tears it down when that fails. */
    private int keepAndPrint(
            InstallationEngine ie,
            Provisioning p,
            LoadedSpec loaded,
            StopHandler stop,
            Duration lifetime,
            ProgressListener progress) {
        NestedCluster cluster = Provisioned.await(loaded, p, stop);
        Instant until = ctx.clock().instant().plus(lifetime);
        TeardownReport kept = keep(ie, loaded, cluster, until, progress);
        if (!kept.ok() || stop.stopRequested()) {
            kept.errors().forEach(e -> ctx.err().println("  " + e.getMessage()));
            TeardownReport down = Provisioned.tearDown(ctx, ie.engine(), cluster, loaded.hostCredentials(), progress);
            if (!down.ok()) {
                return ExitCodes.LEFTOVERS;
            }
            throw new CliException(
                    stop.stopRequested() ? ExitCodes.INTERRUPTED : ExitCodes.PROVISIONING_FAILED,
                    "could not set the expiry on every guest, so the cluster was torn down again");
        }
        return print(loaded, cluster.withExpiry(until), p.rootPassword());
    }

    private Duration lifetime() {
        try {
            return Lifetime.check(DurationText.parse(expire));
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, "--expire: " + e.getMessage());
        }
    }

    /** Writes the expiry into every guest's ownership marker. */
    private TeardownReport keep(
            InstallationEngine ie, LoadedSpec loaded, NestedCluster cluster, Instant until, ProgressListener progress) {
        List<Teardown.Target> targets = cluster.nodes().stream()
                .map(n -> new Teardown.Target(n.vmid(), n.name()))
                .toList();
        return ie.engine()
                .keep(
                        cluster.lease(),
                        cluster.host(),
                        loaded.hostCredentials(),
                        OwnershipCheck.ANY_VMID,
                        targets,
                        until,
                        progress);
    }

    private int print(LoadedSpec loaded, NestedCluster cluster, Secret rootPassword) {
        OutputFiles files;
        Path passwordFile = ClusterFiles.rootPassword(loaded.outputDir(), cluster.name());
        try {
            files = cluster.writeFiles(loaded.outputDir());
            SecretFiles.write(passwordFile, rootPassword.reveal());
        } catch (IOException e) {
            throw new CliException(
                    ExitCodes.COMMAND_FAILED,
                    "the cluster " + cluster.name() + " is up until "
                            + cluster.expires() + ", but its files could not be written to " + loaded.outputDir() + ": "
                            + e.getMessage() + " — tear it down with 'nestedpve down --name " + cluster.name() + "'");
        }
        if (json) {
            ctx.out().print(cluster.descriptorJson());
            ctx.out().flush();
        } else {
            Provisioned.describe(ctx.out(), cluster, files);
            ctx.out().println("  expires " + cluster.expires() + " (then 'nestedpve reap' removes it)");
            ctx.out().println("  root password in " + passwordFile);
            ctx.out().println("  tear down: nestedpve down --name " + cluster.name() + " -f " + file);
            for (NestedNode n : cluster.nodes()) {
                ctx.out()
                        .println("  ssh root@" + n.address() + (n.sshPort() == 22 ? "" : " -p " + n.sshPort())
                                + "   # host key " + n.sshHostKeyFingerprint());
            }
        }
        return ExitCodes.OK;
    }
}
