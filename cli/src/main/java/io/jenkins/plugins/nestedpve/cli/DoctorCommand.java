package io.jenkins.plugins.nestedpve.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.nestedpve.preflight.Preflight;
import io.jenkins.plugins.nestedpve.preflight.PreflightItem;
import io.jenkins.plugins.nestedpve.preflight.PreflightReport;
import io.jenkins.plugins.nestedpve.pve.TofuFingerprintProbe;
import io.jenkins.plugins.nestedpve.spec.HostRef;
import io.jenkins.plugins.nestedpve.ssh.SshConnector;
import io.jenkins.plugins.nestedpve.ssh.SshTimeouts;
import io.jenkins.plugins.nestedpve.wait.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nestedpve doctor -f cluster.yaml}: is the physical host ready for nested clusters? */
@Command(
        name = "doctor",
        mixinStandardHelpOptions = true,
        description = {
            "Check a physical PVE host against a spec file without changing anything: the preflight report"
                    + " that provisioning runs before it creates anything — API reachable and fingerprint, token,"
                    + " node, template, storage, bridge, memory and cores, VMID range, the token's privileges,"
                    + " nesting (over SSH, read-only).",
            "Each check prints PASS, WARN, FAIL or SKIP (not checked: it needs what failed); exits 5 when any"
                    + " check fails."
        })
final class DoctorCommand implements Callable<Integer> {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

    private final CliContext ctx;

    @Option(
            names = {"-f", "--file"},
            required = true,
            paramLabel = "SPEC",
            description = "The cluster spec (YAML).")
    String file;

    @Mixin
    RequestLogOption requestLog = new RequestLogOption();

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    DoctorCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        LoadedSpec loaded = SpecFiles.loadForHost(ctx, file, "nestedpve doctor");
        loaded.warnings().forEach(w -> ctx.err().println("warning: " + w));
        PreflightReport report;
        try (ClientRequestLog log = requestLog.open(ctx)) {
            report = PreflightReport.of(List.of(specItem(loaded)), preflight(loaded, log));
        }
        print(report);
        return report.failed() ? ExitCodes.DOCTOR_FAILED : ExitCodes.OK;
    }

    private static PreflightItem specItem(LoadedSpec loaded) {
        return PreflightItem.pass(
                "spec",
                loaded.file() + " is valid (" + loaded.spec().nodes() + " nodes, "
                        + loaded.spec().template() + ", nesting "
                        + loaded.spec().nesting().label() + ")");
    }

    private PreflightReport preflight(LoadedSpec loaded, ClientRequestLog log) {
        HostRef host = loaded.spec().host();
        SshConnector ssh = new SshConnector(SshTimeouts.DEFAULTS, ctx.clock(), Sleeper.SYSTEM);
        return Preflight.forSpec(
                loaded.spec(),
                loaded.hostCredentials(),
                () -> TofuFingerprintProbe.readServedFingerprint(HostApi.host(host), HostApi.port(host), PROBE_TIMEOUT),
                () -> HostApi.open(host, loaded.hostCredentials(), ctx.clock(), log),
                ssh);
    }

    private void print(PreflightReport report) {
        if (json) {
            ObjectNode doc = Json.MAPPER.createObjectNode();
            doc.put("spec", file);
            ArrayNode list = doc.putArray("checks");
            report.items()
                    .forEach(c -> list.addObject()
                            .put("check", c.check())
                            .put("status", c.verdict().name())
                            .put("message", c.message()));
            doc.put("failures", report.failures().size());
            doc.put("warnings", report.warnings().size());
            Json.print(ctx.out(), doc);
            return;
        }
        report.lines().forEach(ctx.out()::println);
        int failures = report.failures().size();
        ctx.out().println(failures == 0 ? "doctor: ready" : "doctor: " + failures + " check(s) failed");
    }
}
