package io.jenkins.plugins.nestedpve.upgrade;

import io.jenkins.plugins.nestedpve.cluster.NestedCluster;

/**
 * What every step of a running trial works with: the plan, the cluster, how to reach its nodes,
 * waits and step timing.
 *
 * @param major whether this is a major upgrade (set once the prechecks read the versions)
 */
record Trial(
        UpgradePlan plan,
        NestedCluster cluster,
        ClusterAccess access,
        Nodes nodes,
        Polls polls,
        StepRunner steps,
        UpgradeListener listener,
        boolean major) {
    UpgradeTimeouts timeouts() {
        return plan.timeouts();
    }

    Trial asMajor(boolean isMajor) {
        return new Trial(plan, cluster, access, nodes, polls, steps, listener, isMajor);
    }

    /** The target major, or {@code current} for {@code latest}. */
    int targetMajor(int current) {
        return plan.targetMajor().orElse(current);
    }
}
