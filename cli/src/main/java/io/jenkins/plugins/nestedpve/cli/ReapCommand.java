package io.jenkins.plugins.nestedpve.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.reap.ReapReport;
import io.jenkins.plugins.nestedpve.reap.ReapRules;
import io.jenkins.plugins.nestedpve.reap.ReapScope;
import io.jenkins.plugins.nestedpve.reap.UnmarkedVms;
import io.jenkins.plugins.nestedpve.spec.DurationText;
import io.jenkins.plugins.nestedpve.spec.HostRef;
import io.jenkins.plugins.nestedpve.teardown.OwnershipCheck;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nestedpve reap -f cluster.yaml [--owner X] [--dry-run]}. */
@Command(
        name = "reap",
        mixinStandardHelpOptions = true,
        description = {
            "Destroy what this installation left on the host: guests whose expiry has passed ('up' clusters,"
                    + " kept failures) and guests whose owning process is gone (a 'run' that was killed), older"
                    + " than --min-age. Only VMs whose ownership marker names this installation and the owner.",
            "VMs this installation recorded as created that carry no marker of it are never destroyed: they are"
                    + " listed with their node and a qm destroy command.",
            "Exits 4 when something could not be destroyed or such a VM is left for a hand (as 'down' does)."
        })
final class ReapCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(
            names = {"-f", "--file"},
            required = true,
            paramLabel = "SPEC",
            description = "The spec file (host and token).")
    String file;

    @Mixin
    RequestLogOption requestLog = new RequestLogOption();

    @Option(names = "--owner", paramLabel = "OWNER", description = "Only VMs of this owner (default: you, user@host).")
    String owner;

    @Option(names = "--dry-run", description = "Only show what would be destroyed.")
    boolean dryRun;

    @Option(
            names = "--min-age",
            paramLabel = "DURATION",
            description = "How old a guest without expiry and owner must be to count as orphaned (default 15m).")
    String minAge = "15m";

    @Option(names = "--json", description = "Print the reap report as JSON.")
    boolean json;

    ReapCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Duration grace;
        try {
            grace = DurationText.parse(minAge);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, "--min-age: " + e.getMessage());
        }
        LoadedSpec loaded = SpecFiles.loadForHost(ctx, file, "nestedpve reap");
        String who = owner != null ? owner : loaded.spec().owner();
        try (InstallationEngine ie = InstallationEngine.open(ctx, requestLog.open(ctx))) {
            ReapScope scope = new ReapScope(who, ie.leases(), grace)
                    .withVmids(loaded.spec().vmidRange());
            HostRef host = loaded.spec().host();
            if (dryRun) {
                List<ReapRules.Verdict> plan;
                List<UnmarkedVms.Unmarked> unmarked;
                try (PveClient pve = HostApi.open(host, loaded.hostCredentials(), ctx.clock(), ie.requestLog())) {
                    OwnershipCheck check = OwnershipCheck.of(ie.engine().context(), scope.vmids());
                    plan = ReapPlan.plan(OwnedVms.list(pve, host, check), scope, ctx.clock());
                    unmarked = UnmarkedVms.find(ie.engine().context().ledger(), pve, host, check);
                }
                printPlan(plan, unmarked, who);
                return unmarked.isEmpty() ? ExitCodes.OK : ExitCodes.LEFTOVERS;
            }
            ReapReport report = ie.engine()
                    .reap(host, loaded.hostCredentials(), scope, new ProgressPrinter(ctx.err(), ctx.clock()));
            print(report);
            return report.clean() ? ExitCodes.OK : ExitCodes.LEFTOVERS;
        }
    }

    private void printPlan(List<ReapRules.Verdict> plan, List<UnmarkedVms.Unmarked> unmarked, String who) {
        if (json) {
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("dryRun", true);
            o.put("owner", who);
            ArrayNode list = o.putArray("decisions");
            plan.forEach(e -> list.addObject()
                    .put("vmid", e.decision().vmid())
                    .put("lease", e.decision().lease())
                    .put("reap", e.reap())
                    .put("reason", e.decision().reason()));
            unmarked(o.putArray("unmarked"), unmarked);
            Json.print(ctx.out(), o);
            return;
        }
        ctx.out().println("dry run (owner " + who + "): nothing is destroyed");
        plan.forEach(e -> ctx.out()
                .println("  " + (e.reap() ? "would reap" : "would keep") + " VM "
                        + e.decision().vmid() + " (lease " + e.decision().lease() + "): "
                        + e.decision().reason()));
        if (plan.isEmpty()) {
            ctx.out().println("  no VM of this installation and owner on the host");
        }
        printUnmarked(unmarked);
    }

    /** Never destroyed; listed so that a person looks (exit 4, as {@code down}). */
    private void printUnmarked(List<UnmarkedVms.Unmarked> unmarked) {
        if (unmarked.isEmpty()) {
            return;
        }
        ctx.out()
                .println("LEFT FOR A HAND — recorded as created by this installation but without its marker, so"
                        + " never destroyed automatically; check each and remove it if it is not needed:");
        unmarked.forEach(u -> ctx.out().println("  " + u.describe()));
    }

    private static void unmarked(ArrayNode array, List<UnmarkedVms.Unmarked> list) {
        list.forEach(u -> array.addObject()
                .put("vmid", u.vmid())
                .put("node", u.node())
                .put("hostNode", u.hostNode())
                .put("reason", u.why())
                .put("command", u.command()));
    }

    private void print(ReapReport report) {
        if (json) {
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("summary", report.summary());
            o.put("examined", report.examined());
            o.put("foreign", report.foreign());
            decisions(o.putArray("reaped"), report.reaped());
            decisions(o.putArray("kept"), report.kept());
            o.set("teardown", DownCommand.json(report.teardown()));
            unmarked(o.putArray("unmarked"), report.unmarked());
            Json.print(ctx.out(), o);
            return;
        }
        ctx.out().println(report.summary());
        report.reaped().forEach(d -> ctx.out().println("  reaped VM " + d.vmid() + ": " + d.reason()));
        report.kept().forEach(d -> ctx.out().println("  kept VM " + d.vmid() + ": " + d.reason()));
        report.teardown().errors().forEach(e -> ctx.out().println("  " + e.getMessage()));
        printUnmarked(report.unmarked());
    }

    private static void decisions(ArrayNode array, List<ReapReport.Decision> list) {
        list.forEach(d ->
                array.addObject().put("vmid", d.vmid()).put("lease", d.lease()).put("reason", d.reason()));
    }
}
