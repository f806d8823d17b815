package io.jenkins.plugins.nestedpve.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.events.Durations;
import io.jenkins.plugins.nestedpve.events.Healing;
import io.jenkins.plugins.nestedpve.events.PhaseTimings;
import io.jenkins.plugins.nestedpve.events.Timeline;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.teardown.TeardownReport;
import io.jenkins.plugins.nestedpve.upgrade.UpgradeReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/**
 * What a demo found: the cluster (if it came up), the node checks, the teardown, the leftovers on
 * the simulator, the timelines, and from them the exit code. Immutable; built up step by step.
 *
 * @param cluster null when provisioning failed
 * @param error why provisioning failed, or null
 * @param teardown null when there was no cluster to tear down (provisioning cleans up itself)
 */
record DemoReport(
        DemoRun.Options options,
        ClusterSpec spec,
        Timeline timeline,
        Timeline simulated,
        NestedCluster cluster,
        List<NodeChecks.Result> checks,
        String error,
        boolean interrupted,
        TeardownReport teardown,
        List<Leftovers.Leftover> leftovers,
        Duration wall,
        UpgradeReport upgrade) {
    static DemoReport start(DemoRun.Options options, ClusterSpec spec, Timeline timeline, Timeline simulated) {
        return new DemoReport(
                options, spec, timeline, simulated, null, List.of(), null, false, null, List.of(), null, null);
    }

    DemoReport withCluster(NestedCluster c) {
        return new DemoReport(
                options, spec, timeline, simulated, c, checks, error, interrupted, teardown, leftovers, wall, upgrade);
    }

    DemoReport withChecks(List<NodeChecks.Result> c) {
        return new DemoReport(
                options,
                spec,
                timeline,
                simulated,
                cluster,
                List.copyOf(c),
                error,
                interrupted,
                teardown,
                leftovers,
                wall,
                upgrade);
    }

    DemoReport withError(Exception e, boolean stopped) {
        return new DemoReport(
                options,
                spec,
                timeline,
                simulated,
                cluster,
                checks,
                e.getMessage(),
                stopped,
                teardown,
                leftovers,
                wall,
                upgrade);
    }

    DemoReport withTeardown(TeardownReport t) {
        return new DemoReport(
                options, spec, timeline, simulated, cluster, checks, error, interrupted, t, leftovers, wall, upgrade);
    }

    DemoReport withLeftovers(List<Leftovers.Leftover> l, Duration w) {
        return new DemoReport(
                options,
                spec,
                timeline,
                simulated,
                cluster,
                checks,
                error,
                interrupted,
                teardown,
                List.copyOf(l),
                w,
                upgrade);
    }

    DemoReport withUpgrade(UpgradeReport u) {
        return new DemoReport(
                options, spec, timeline, simulated, cluster, checks, error, interrupted, teardown, leftovers, wall, u);
    }

    /** Whether the cluster came up and every node reported quorum. */
    boolean quorate() {
        return cluster != null && !checks.isEmpty() && checks.stream().allMatch(NodeChecks.Result::ok);
    }

    /** 0 only when quorate and nothing is left; leftovers win over every other failure. */
    int exitCode() {
        if (!leftovers.isEmpty()) {
            return ExitCodes.LEFTOVERS;
        }
        if (interrupted) {
            return ExitCodes.INTERRUPTED;
        }
        if (cluster == null) {
            return ExitCodes.PROVISIONING_FAILED;
        }
        if (!quorate()) {
            return ExitCodes.COMMAND_FAILED;
        }
        return upgrade == null || upgrade.passed() ? ExitCodes.OK : ExitCodes.UPGRADE_FAILED;
    }

    /** The verdict followed by what was absorbed, e.g. {@code "...; 3 transient faults absorbed, 1 node replaced"}. */
    String verdict() {
        List<Healing> healed = timeline.healings();
        return healed.isEmpty() ? plainVerdict() : plainVerdict() + "; " + timeline.healingSummary();
    }

    private String plainVerdict() {
        String time = wall == null ? "" : " in " + Durations.human(wall);
        return switch (exitCode()) {
            case ExitCodes.OK ->
                "demo OK" + time + ": "
                        + (spec.nodes() == 1
                                ? "the standalone PVE node of " + spec.clusterName() + " answered"
                                : spec.nodes() + "-node cluster " + spec.clusterName() + " was quorate")
                        + (upgrade == null ? "" : ", upgraded to " + upgrade.target() + " node by node")
                        + ", torn down, nothing left (exit 0)";
            case ExitCodes.LEFTOVERS ->
                "demo FAILED" + time + ": " + leftovers.size() + " thing(s) left on the simulator (exit 4)";
            case ExitCodes.PROVISIONING_FAILED ->
                "demo: provisioning failed" + time + ", cleaned up, nothing left (exit 3): " + error;
            case ExitCodes.INTERRUPTED -> "demo interrupted" + time + ", cleaned up (exit 130)";
            case ExitCodes.UPGRADE_FAILED ->
                "demo: the upgrade trial failed" + time + ", torn down, nothing left (exit 6): "
                        + upgrade.failureMessage().orElse("");
            default ->
                "demo: the cluster came up but a node check failed" + time + ", torn down, nothing left (exit 1)";
        };
    }

    JsonNode json() {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("exitCode", exitCode());
        o.put("quorate", quorate());
        o.put("clusterName", spec.clusterName());
        o.put("nodes", options.nodes());
        o.put("latencyScale", options.latencyScale());
        o.put("faultSeed", options.faults().seed());
        o.put("transientFaultRate", options.faults().transientRate());
        o.put("permanentFaultRate", options.faults().permanentRate());
        o.put("wallMillis", wall == null ? null : wall.toMillis());
        o.put("error", error);
        o.put("healed", timeline.healingSummary());
        ArrayNode h = o.putArray("healings");
        timeline.healings().forEach(x -> h.add(x.describe()));
        o.set("cluster", cluster == null ? null : descriptor(cluster));
        ArrayNode c = o.putArray("checks");
        checks.forEach(r -> c.addObject()
                .put("node", r.node())
                .put("ok", r.ok())
                .put("pveversion", r.pveversion())
                .put("quorate", r.quorate())
                .put("error", r.error()));
        o.put("teardown", teardown == null ? null : teardown.summary());
        o.set("upgrade", upgrade == null ? null : Json.MAPPER.valueToTree(upgrade.summaryMap()));
        ArrayNode l = o.putArray("leftovers");
        leftovers.forEach(x -> l.add(x.toString()));
        o.set("timingsMillis", timings(timeline.timings()));
        o.set("simulatedTimingsMillis", timings(simulated.timings()));
        return o;
    }

    private static JsonNode descriptor(NestedCluster c) {
        try {
            return Json.MAPPER.readTree(c.descriptorJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode timings(PhaseTimings t) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        t.byPhase().forEach((phase, byNode) -> {
            ObjectNode p = o.putObject(phase.label());
            byNode.forEach((node, d) -> p.put(node, d.toMillis()));
        });
        return o;
    }
}
