package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.sim.CpuVendor;
import io.jenkins.plugins.nestedpve.sim.Simulator;
import io.jenkins.plugins.nestedpve.sim.TemplateSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nestedpve sim}: the simulated PVE host on its own, until Ctrl-C. */
@Command(
        name = "sim",
        mixinStandardHelpOptions = true,
        description = {
            "Start the simulated PVE host (HTTPS API and SSH on a 127.77.N.x loopback address) and keep it"
                    + " running until Ctrl-C.",
            "With --write-spec it also writes a spec file for run, up, down, reap and doctor."
        })
final class SimCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            description = "API port of every simulated machine (default ${DEFAULT-VALUE}).")
    int apiPort = 8006;

    @Option(
            names = "--ssh-port",
            paramLabel = "PORT",
            description = "SSH port of every simulated machine (default ${DEFAULT-VALUE}).")
    int sshPort = 2222;

    @Option(
            names = "--latency-scale",
            paramLabel = "X",
            description = "Realistic latencies times this factor (default ${DEFAULT-VALUE}; 1 = real hardware).")
    double scale = DemoCommand.DEFAULT_SCALE;

    @Option(
            names = "--vendor",
            paramLabel = "intel|amd",
            description = "CPU vendor of the host: intel (default) or amd.")
    CpuVendor vendor = CpuVendor.INTEL;

    @Option(names = "--no-nesting", description = "The host's kvm module has nesting off.")
    boolean noNesting;

    @Option(
            names = "--host-version",
            paramLabel = "9.1|8.4",
            description = "PVE release of the host: 9.1 (default) or 8.4.")
    String hostVersion = "9.1";

    @Mixin
    FaultOptions faults = new FaultOptions();

    @Option(
            names = "--request-log",
            paramLabel = "FILE",
            description = "Append every API request as JSON lines to this file.")
    Path requestLog;

    @Option(names = "--write-spec", paramLabel = "FILE", description = "Write a spec file for this simulator.")
    Path writeSpec;

    @Option(
            names = "--nodes",
            paramLabel = "N",
            description = "Node count in the written spec (default ${DEFAULT-VALUE}).")
    int nodes = 3;

    SimCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws InterruptedException {
        Simulator.Builder b = Simulator.builder()
                .apiPort(apiPort)
                .sshPort(sshPort)
                .latencyScale(scale)
                .cpuVendor(vendor)
                .hostNesting(!noNesting)
                .hostVersion(hostVersion)
                .faults(faults.rates().plan())
                .template(TemplateSpec.pve84())
                .template(TemplateSpec.pve91());
        if (requestLog != null) {
            b.requestLog(ctx.resolve(requestLog.toString()));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (Simulator sim = b.start()) {
            describe(sim);
            // registered once the spec is written: a stop before that simply ends the process
            ShutdownHooks.Registration hook = ctx.hooks().register(stopped::countDown);
            try {
                ctx.out().println("Press Ctrl-C to stop.");
                ctx.out().flush();
                stopped.await();
            } finally {
                hook.close();
            }
            ctx.err().println("stopping the simulator");
        }
        return ExitCodes.OK;
    }

    private void describe(Simulator sim) {
        var out = ctx.out();
        out.println("Simulated PVE host '" + sim.hostNode() + "' (PVE " + hostVersion + ", " + vendor + ", nesting "
                + (noNesting ? "off" : "on") + ", latency x" + scale + ") is up.");
        out.println("API URL:          " + sim.apiUrl());
        out.println("TLS fingerprint:  " + sim.fingerprint());
        out.println("API token id:     " + sim.tokenId());
        out.println("Host SSH:         root@" + sim.hostAddress() + " -p " + sim.hostSshPort());
        List<TemplateSpec> templates = sim.templates();
        templates.forEach(
                t -> out.println("Guest template:   " + t.vmid() + " " + t.name() + " (PVE " + t.release() + ")"));
        if (writeSpec != null) {
            Path spec = ctx.resolve(writeSpec.toString());
            try {
                SimSpecWriter.write(sim, spec, nodes, scale);
            } catch (IOException e) {
                throw new CliException(ExitCodes.USAGE, "cannot write the spec file " + spec + ": " + e.getMessage());
            }
            out.println("Spec file:        " + spec + " (secrets in " + spec.getFileName() + ".token, .host-password,"
                    + " .guest-password)");
            out.println("Try:              nestedpve run -f " + spec + " -- sh -c 'echo $NESTED_PVE_IPS'");
        } else {
            out.println("Secrets:          not shown; use --write-spec FILE to get a spec file and secret files");
        }
    }
}
