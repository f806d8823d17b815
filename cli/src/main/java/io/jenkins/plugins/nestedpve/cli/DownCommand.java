package io.jenkins.plugins.nestedpve.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.spec.HostRef;
import io.jenkins.plugins.nestedpve.teardown.OwnershipCheck;
import io.jenkins.plugins.nestedpve.teardown.TeardownReport;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nestedpve down (--name CLUSTER | --descriptor FILE) -f cluster.yaml}. */
@Command(
        name = "down",
        mixinStandardHelpOptions = true,
        description = {
            "Tear down a cluster left by 'nestedpve up': by name (every VM on the host whose ownership marker"
                    + " names this installation and the cluster) or by its descriptor file.",
            "VMs without this installation's marker are never touched. Exits 4 when something could not be"
                    + " destroyed, or when a VM this installation recorded as created carries no marker of it"
                    + " (listed with the command to remove it by hand)."
        })
final class DownCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(
            names = {"-f", "--file"},
            required = true,
            paramLabel = "SPEC",
            description = "The spec file (host and token).")
    String file;

    @Mixin
    RequestLogOption requestLog = new RequestLogOption();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    /** Exactly one of name or descriptor. */
    static final class Which {
        @Option(names = "--name", paramLabel = "CLUSTER", description = "The cluster's name.")
        String name;

        @Option(names = "--descriptor", paramLabel = "FILE", description = "The cluster's descriptor (JSON).")
        Path descriptor;
    }

    @Option(names = "--json", description = "Print the teardown report as JSON.")
    boolean json;

    /** The cluster being torn down (from the name or the descriptor). */
    private String clusterName;

    DownCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        LoadedSpec loaded = SpecFiles.loadForHost(ctx, file, "nestedpve down");
        ProgressListener progress = new ProgressPrinter(ctx.err(), ctx.clock());
        try (InstallationEngine ie = InstallationEngine.open(ctx, requestLog.open(ctx))) {
            TeardownReport report =
                    which.descriptor != null ? byDescriptor(ie, loaded, progress) : byName(ie, loaded, progress);
            if (report.ok()) {
                ClusterFiles.remove(loaded.outputDir(), clusterName, ctx.err());
            }
            print(report, loaded.spec().host().node());
            return report.clean() ? ExitCodes.OK : ExitCodes.LEFTOVERS;
        }
    }

    private TeardownReport byDescriptor(InstallationEngine ie, LoadedSpec loaded, ProgressListener progress) {
        Path path = ctx.resolve(which.descriptor.toString());
        NestedCluster cluster;
        try {
            cluster = NestedCluster.fromDescriptorJson(SpecFiles.read(path));
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, path + ": " + e.getMessage());
        }
        HostRef host = loaded.spec().host();
        if (!cluster.host().id().equals(host.id())) {
            throw new CliException(
                    ExitCodes.USAGE,
                    "the descriptor's cluster lives on " + cluster.host().id() + " but " + file + " names " + host.id()
                            + " — pass the spec file of that host");
        }
        clusterName = cluster.name();
        ctx.err().println("tearing down " + cluster.name() + " (lease " + cluster.lease() + ") ...");
        return ie.engine().teardown(cluster, loaded.hostCredentials(), progress);
    }

    private TeardownReport byName(InstallationEngine ie, LoadedSpec loaded, ProgressListener progress) {
        clusterName = which.name;
        HostRef host = loaded.spec().host();
        Set<String> leases = new LinkedHashSet<>();
        try (PveClient pve = HostApi.open(host, loaded.hostCredentials(), ctx.clock(), ie.requestLog())) {
            OwnedVms.list(pve, host, OwnershipCheck.of(ie.engine().context(), OwnershipCheck.ANY_VMID)).owned().stream()
                    .filter(o -> o.marker().cluster().equals(which.name))
                    .forEach(o -> leases.add(o.marker().lease()));
        }
        if (leases.isEmpty()) {
            ctx.err()
                    .println("no VM of this installation belongs to cluster '" + which.name + "' on " + host.node()
                            + " — nothing to tear down");
            return TeardownReport.empty();
        }
        TeardownReport report = TeardownReport.empty();
        for (String lease : leases) {
            ctx.err().println("tearing down " + which.name + " (lease " + lease + ") ...");
            report = report.plus(ie.engine().teardown(lease, host, loaded.hostCredentials(), progress));
        }
        return report;
    }

    private void print(TeardownReport report, String hostNode) {
        if (json) {
            Json.print(ctx.out(), json(report));
            return;
        }
        ctx.out().println(report.summary());
        report.errors().forEach(e -> ctx.out().println("  " + e.getMessage()));
        Provisioned.printHandCleanup(ctx.out(), report, hostNode);
    }

    static ObjectNode json(TeardownReport report) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("ok", report.clean());
        o.put("summary", report.summary());
        ArrayNode vms = o.putArray("vms");
        report.vms()
                .forEach(v -> vms.addObject()
                        .put("vmid", v.vmid())
                        .put("node", v.node())
                        .put("result", v.result().name())
                        .put("detail", v.detail()));
        ArrayNode errors = o.putArray("errors");
        report.errors().forEach(e -> errors.add(e.getMessage()));
        return o;
    }
}
