package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.cluster.HostCredentials;
import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.cluster.NestedNode;
import io.jenkins.plugins.nestedpve.cluster.OutputFiles;
import io.jenkins.plugins.nestedpve.engine.NestedPveEngine;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import io.jenkins.plugins.nestedpve.provision.Provisioning;
import io.jenkins.plugins.nestedpve.provision.ProvisioningException;
import io.jenkins.plugins.nestedpve.spec.SpecProblem;
import io.jenkins.plugins.nestedpve.spec.SpecValidationException;
import io.jenkins.plugins.nestedpve.spec.file.SpecFileReader;
import io.jenkins.plugins.nestedpve.teardown.TeardownReport;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What {@code run} and {@code up} share: waiting for the cluster, describing it, tearing it down. */
final class Provisioned {
    private Provisioned() {}

    /**
     * Waits for the provisioning.
     *
     * @throws SpecFileException (exit 2) when the host does not fit the spec, or cannot be reached,
     *     trusted or logged into with it; nothing was created
     * @throws CliException with exit code 3 (130 when a stop cancelled it); the engine has cleaned up
     */
    static NestedCluster await(LoadedSpec loaded, Provisioning p, StopHandler stop) {
        try {
            return p.await();
        } catch (ProvisioningException e) {
            if (e.getCause() instanceof SpecValidationException invalid && !stop.stopRequested()) {
                // phase 0 found the host does not fit the spec (template, storage, bridge, privileges, ...)
                throw new SpecFileException(loaded.file(), SpecFileReader.fileFields(invalid.problems()));
            }
            if (!stop.stopRequested()) {
                // the host cannot be reached, trusted or logged into: nothing was created
                Optional<SpecProblem> host = HostProblems.of(e);
                if (host.isPresent()) {
                    throw new SpecFileException(loaded.file(), List.of(host.get()));
                }
            }
            throw failed(e, stop);
        } catch (RuntimeException e) {
            throw failed(e, stop);
        }
    }

    private static CliException failed(RuntimeException e, StopHandler stop) {
        StringBuilder message = new StringBuilder("provisioning failed: " + e.getMessage());
        for (Throwable s : e.getSuppressed()) {
            message.append("\n  during cleanup: ").append(s.getMessage());
        }
        if (stop.stopRequested()) {
            // the process exits as soon as the stop handler is closed: say it now
            stop.report(message.toString());
            return new CliException(ExitCodes.INTERRUPTED, "stopped; what was created has been cleaned up", e);
        }
        return new CliException(ExitCodes.PROVISIONING_FAILED, message.toString(), e);
    }

    /**
     * Records that this process holds the provisioning's lease (so {@code reap} leaves it alone);
     * when that fails, the provisioning is cancelled and awaited (it cleans up) before the error.
     */
    static ShutdownHooks.Registration holdLease(InstallationEngine ie, Provisioning p) {
        try {
            return ie.leases().hold(p.lease(), p.spec().clusterName());
        } catch (RuntimeException e) {
            p.cancel();
            try {
                p.await();
            } catch (RuntimeException cancelled) {
                e.addSuppressed(cancelled);
            }
            throw e;
        }
    }

    static void describe(PrintStream out, NestedCluster cluster, OutputFiles files) {
        out.println("cluster " + cluster.name() + " is ready (PVE " + cluster.pveVersion() + ", nesting "
                + cluster.nesting().label() + ", lease " + cluster.lease() + "):");
        for (NestedNode n : cluster.nodes()) {
            out.printf(Locale.ROOT, "  %-16s vmid %-6d %-15s %s%n", n.name(), n.vmid(), n.address(), n.apiUrl());
        }
        if (files != null) {
            out.println("  descriptor " + files.descriptor() + ", inventory " + files.inventory());
        }
        out.flush();
    }

    /** Tears {@code cluster} down and prints the outcome; errors say what to remove by hand. */
    static TeardownReport tearDown(
            CliContext ctx,
            NestedPveEngine engine,
            NestedCluster cluster,
            HostCredentials host,
            ProgressListener progress) {
        ctx.err().println("tearing down " + cluster.name() + " ...");
        TeardownReport report = engine.teardown(cluster, host, progress);
        ctx.err().println(report.summary());
        if (!report.ok()) {
            ctx.err()
                    .println("TEARDOWN INCOMPLETE — VMs of " + cluster.name() + " may be left on "
                            + cluster.host().node() + "; run 'nestedpve down --name " + cluster.name()
                            + " -f <spec>' or 'nestedpve reap -f <spec>':");
            report.errors().forEach(e -> ctx.err().println("  " + e.getMessage()));
        }
        printHandCleanup(ctx.err(), report, cluster.host().node());
        ctx.err().flush();
        return report;
    }

    /**
     * The VMs this installation recorded as created that carry no marker of it: never destroyed
     * automatically, so a person has to look; each line names the VM, its node and the command.
     */
    static void printHandCleanup(java.io.PrintStream out, TeardownReport report, String hostNode) {
        if (report.unmarked().isEmpty()) {
            return;
        }
        out.println("LEFT FOR A HAND — recorded as created by this installation but without its marker, so never"
                + " destroyed automatically; check each and remove it if it is not needed:");
        report.handCleanup(hostNode).forEach(line -> out.println("  " + line));
    }
}
