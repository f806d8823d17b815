package io.jenkins.plugins.nestedpve.upgrade;

import java.util.Locale;

/**
 * The timed steps of an upgrade trial, in the order a node goes through them. Each is one {@code
 * testcase} of the node's {@code testsuite} in the JUnit report.
 */
public enum UpgradeStep {
    /** Quorate with every node online, no running tasks on the node, free space on {@code /}, the release. */
    PRECHECK,
    /** {@code pve8to9 --full} before any node changes (every node). */
    CHECKER,
    /** The node's guests migrated to another node (VMs online, containers in restart mode). */
    EVACUATE,
    /** The user's {@code beforeNode} command. */
    BEFORE_NODE,
    /** A minor upgrade within the old major, when the node is not on its newest release. */
    MINOR_UPGRADE,
    /** Debian and PVE sources switched from {@code bookworm} to {@code trixie} deb822 files. */
    REPOSITORIES,
    /** {@code apt-get update}. */
    APT_UPDATE,
    /** {@code apt-get dist-upgrade} without questions. */
    DIST_UPGRADE,
    /** Reboot; SSH and the API answer again (certificate re-pinned when it changed). */
    REBOOT,
    /** {@code pveversion} shows the target and the new kernel runs. */
    VERIFY,
    /** {@code pve8to9 --full} after the upgrade: it must report the node upgraded. */
    CHECKER_AFTER,
    /** The user's {@code afterNode} command. */
    AFTER_NODE,
    /** The cluster quorate with every node online again. */
    CLUSTER_HEALTHY,
    /** Workload guests started before the trial (cluster-wide). */
    WORKLOAD_START,
    /** Workload guests stopped and removed after the trial (cluster-wide). */
    WORKLOAD_CLEANUP;

    /** Lower-case, dash-separated, e.g. {@code dist-upgrade}: the JUnit test case name. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
