package io.jenkins.plugins.nestedpve.upgrade;

import io.jenkins.plugins.nestedpve.events.Durations;
import io.jenkins.plugins.nestedpve.events.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one trial: workload, prechecks and the checker on every node before anything changes, then
 * the nodes (one at a time or all at once), then the guests' downtimes; builds the report.
 */
final class TrialRunner {
    private final UpgradeTrial.Builder config;
    private final Map<String, NodeState> states = new LinkedHashMap<>();
    private final List<StepResult> clusterSteps = new ArrayList<>();
    private final List<GuestDowntime> downtimes = new ArrayList<>();
    private String failure;
    private Trial trial;

    TrialRunner(UpgradeTrial.Builder config) {
        this.config = config;
    }

    UpgradeReport run() throws InterruptedException {
        UpgradeListener listener = UpgradeListener.safe(config.listener);
        Instant started = config.clock.instant();
        UpgradePlan plan = config.plan;
        listener.message(
                Level.INFO,
                "upgrade trial of " + config.cluster.name() + " to " + plan.target() + " ("
                        + plan.strategy().label() + ", checker "
                        + plan.checker().label() + ", repository "
                        + plan.repository().label() + ")");
        try (Nodes nodes = new Nodes(config.cluster, config.access)) {
            trial = new Trial(
                    plan,
                    config.cluster,
                    config.access,
                    nodes,
                    new Polls(config.clock, config.sleeper, config.poll, listener),
                    new StepRunner(config.clock, listener),
                    listener,
                    false);
            nodes.names().forEach(n -> states.put(n, new NodeState(n)));
            try {
                runWithWorkload();
                states.values().forEach(this::readVersionAfter);
            } finally {
                states.values().forEach(NodeState::closeShell);
            }
        }
        UpgradeReport report = report(started);
        listener.message(
                report.passed() ? Level.INFO : Level.ERROR, report.summaryText().stripTrailing());
        return report;
    }

    private void runWithWorkload() throws InterruptedException {
        if (!trial.plan().workload()) {
            runNodes();
            return;
        }
        List<WorkloadGuest> guests = new ArrayList<>();
        if (cluster(UpgradeStep.WORKLOAD_START, log -> {
            guests.addAll(Workload.start(trial, log));
            return io.jenkins.plugins.nestedpve.events.Outcome.SUCCEEDED;
        })) {
            return;
        }
        GuestWatcher watcher = new GuestWatcher(
                trial.nodes(), guests, config.clock, config.sleeper, config.watchInterval, config.threads);
        try {
            trial.steps().onBoundary(watcher::sample);
            watcher.start();
            runNodes();
        } finally {
            trial.steps().onBoundary(() -> {});
            downtimes.addAll(watcher.finish(trial.plan().maxGuestDowntime()));
        }
        judgeDowntimes();
        cluster(UpgradeStep.WORKLOAD_CLEANUP, log -> {
            Workload.remove(trial, guests, log);
            return io.jenkins.plugins.nestedpve.events.Outcome.SUCCEEDED;
        });
    }

    private void judgeDowntimes() {
        for (GuestDowntime g : downtimes) {
            if (failure != null) {
                return;
            }
            if (g.exceeded()) {
                failure = "workload guest " + g.name() + " was down " + Durations.human(g.downtime())
                        + " in all during the trial, more than maxGuestDowntime " + Durations.human(g.limit());
            } else if (!g.runningAtEnd()) {
                failure = "workload guest " + g.name() + " is not running at the end of the trial (last on "
                        + g.finalNode() + ")";
            }
        }
    }

    private void runNodes() throws InterruptedException {
        for (NodeState n : states.values()) {
            node(n, UpgradeStep.PRECHECK, log -> Precheck.run(trial, n, log));
        }
        if (failure != null) {
            return;
        }
        NodeState first = states.values().iterator().next();
        int current = first.before.major();
        trial = trial.asMajor(trial.targetMajor(current) > current);
        if (trial.major() && trial.plan().checker() != CheckerMode.SKIP) {
            for (NodeState n : states.values()) {
                node(n, UpgradeStep.CHECKER, log -> Checker.run(trial, n, false, log));
            }
            if (failure != null) {
                return;
            }
        }
        NodeFlow flow = new NodeFlow(trial, this::node, this::cluster);
        if (trial.plan().strategy() == Strategy.ROLLING) {
            flow.rolling(List.copyOf(states.values()));
        } else {
            flow.parallel(List.copyOf(states.values()), config.threads);
        }
    }

    /** Runs a node's step; false when it failed (the first failure becomes the trial's). */
    boolean node(NodeState n, UpgradeStep step, StepRunner.Body body) throws InterruptedException {
        StepResult r = trial.steps().run(n.name, step, body, n::record);
        return ok(r);
    }

    /** Runs a cluster-wide step; true when it failed. */
    boolean cluster(UpgradeStep step, StepRunner.Body body) throws InterruptedException {
        StepResult r = trial.steps().run(null, step, body, this::recordCluster);
        return !ok(r);
    }

    private synchronized void recordCluster(StepResult r) {
        clusterSteps.add(r);
    }

    private synchronized boolean ok(StepResult r) {
        if (r.failed() && failure == null) {
            failure = named(r);
        }
        return !r.failed();
    }

    /** The failure with its step and node in front, unless it starts with them already. */
    private static String named(StepResult r) {
        String where = r.step().label() + " on " + (r.node() == null ? "the cluster" : r.node());
        return r.failure().startsWith(where) ? r.failure() : where + ": " + r.failure();
    }

    private void readVersionAfter(NodeState n) {
        if (n.after != null || trial.nodes().isDown(n.name)) {
            return;
        }
        try {
            n.after = PveVersionLine.parse(n.shell(trial)
                            .run("pveversion", trial.timeouts().command())
                            .stdout())
                    .orElse(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the node does not answer: the report shows no version after
        }
    }

    private UpgradeReport report(Instant started) {
        List<NodeReport> nodes = states.values().stream().map(NodeState::report).toList();
        return new UpgradeReport(
                config.cluster.name(),
                config.plan.target(),
                config.plan.strategy(),
                config.plan.checker(),
                started,
                Duration.between(started, config.clock.instant()),
                nodes,
                clusterSteps,
                downtimes,
                failure);
    }

    static UpgradeFailedException failure(UpgradeReport report) {
        Optional<StepResult> step =
                report.timeline().stream().filter(StepResult::failed).findFirst();
        return new UpgradeFailedException(
                report,
                step.map(StepResult::node).orElse(null),
                step.map(StepResult::step).orElse(null));
    }
}
