package io.jenkins.plugins.nestedpve.upgrade;

import io.jenkins.plugins.nestedpve.events.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The steps that change a node, in order, and the two strategies: rolling (one node, then the
 * cluster healthy again, then the next) and parallel (every node at once, then the same wait).
 */
final class NodeFlow {
    /** Runs a node step; false when it failed. */
    @FunctionalInterface
    interface NodeSteps {
        boolean run(NodeState n, UpgradeStep step, StepRunner.Body body) throws InterruptedException;
    }

    /** Runs a cluster step; true when it failed. */
    @FunctionalInterface
    interface ClusterSteps {
        boolean run(UpgradeStep step, StepRunner.Body body) throws InterruptedException;
    }

    private final Trial t;
    private final NodeSteps step;
    private final ClusterSteps clusterStep;
    private final Set<String> upgraded = ConcurrentHashMap.newKeySet();

    NodeFlow(Trial t, NodeSteps step, ClusterSteps clusterStep) {
        this.t = t;
        this.step = step;
        this.clusterStep = clusterStep;
    }

    void rolling(List<NodeState> nodes) throws InterruptedException {
        for (NodeState n : nodes) {
            if (!upgrade(n) || !step.run(n, UpgradeStep.CLUSTER_HEALTHY, log -> ClusterHealth.await(t, n.name, log))) {
                return;
            }
        }
    }

    void parallel(List<NodeState> nodes, ThreadFactory threads) throws InterruptedException {
        List<Thread> workers = new ArrayList<>();
        AtomicReference<InterruptedException> interrupted = new AtomicReference<>();
        for (NodeState n : nodes) {
            workers.add(threads.newThread(() -> {
                try {
                    upgrade(n);
                } catch (InterruptedException e) {
                    interrupted.set(e);
                }
            }));
        }
        workers.forEach(Thread::start);
        try {
            for (Thread w : workers) {
                w.join();
            }
        } catch (InterruptedException e) {
            workers.forEach(Thread::interrupt);
            for (Thread w : workers) {
                w.join();
            }
            throw e;
        }
        if (interrupted.get() != null) {
            throw interrupted.get();
        }
        if (nodes.stream().noneMatch(NodeState::failed)) {
            clusterStep.run(UpgradeStep.CLUSTER_HEALTHY, log -> ClusterHealth.await(t, null, log));
        }
    }

    /** Steps 3–6 (and the minor upgrade first) of one node; false at the first failure. */
    private boolean upgrade(NodeState n) throws InterruptedException {
        UpgradePlan p = t.plan();
        boolean ok = (!t.major() || step.run(n, UpgradeStep.MINOR_UPGRADE, log -> PackageUpgrade.minor(t, n, log)))
                && step.run(n, UpgradeStep.EVACUATE, log -> Evacuation.run(t, n, upgraded, log))
                && userStep(n, UpgradeStep.BEFORE_NODE, "beforeNode", p.beforeNode())
                && (!t.major() || step.run(n, UpgradeStep.REPOSITORIES, log -> Repositories.run(t, n, log)))
                && step.run(n, UpgradeStep.APT_UPDATE, log -> PackageUpgrade.update(t, n, log))
                && step.run(n, UpgradeStep.DIST_UPGRADE, log -> PackageUpgrade.distUpgrade(t, n, log))
                && step.run(n, UpgradeStep.REBOOT, log -> Reboot.run(t, n, log))
                && step.run(n, UpgradeStep.VERIFY, log -> Verify.run(t, n, log))
                && (!t.major()
                        || t.plan().checker() == CheckerMode.SKIP
                        || step.run(n, UpgradeStep.CHECKER_AFTER, log -> Checker.run(t, n, true, log)))
                && userStep(n, UpgradeStep.AFTER_NODE, "afterNode", p.afterNode());
        if (ok) {
            upgraded.add(n.name);
        }
        return ok;
    }

    private boolean userStep(NodeState n, UpgradeStep s, String what, String command) throws InterruptedException {
        if (command == null) {
            return true;
        }
        return step.run(n, s, log -> PackageUpgrade.user(t, n, what, command, log));
    }

    static Outcome skipped() {
        return Outcome.SKIPPED;
    }
}
