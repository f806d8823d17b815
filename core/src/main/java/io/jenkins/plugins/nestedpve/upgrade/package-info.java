/**
 * Upgrade trials: a PVE major (8 → 9) or minor upgrade rehearsed on a nested cluster, node by node,
 * every step timed and reported.
 *
 * <p>Callers build an {@link io.jenkins.plugins.nestedpve.upgrade.UpgradePlan}, construct an {@link
 * io.jenkins.plugins.nestedpve.upgrade.UpgradeTrial} from the finished {@link
 * io.jenkins.plugins.nestedpve.cluster.NestedCluster} and run it; the result is an {@link
 * io.jenkins.plugins.nestedpve.upgrade.UpgradeReport} (JUnit XML, a text summary, a map for
 * Pipelines), also carried by {@link io.jenkins.plugins.nestedpve.upgrade.UpgradeFailedException}
 * when the trial fails.
 *
 * <p>PVE behaviour relied on is described in {@code pve-facts.md} (§7 versions and upgrades, §11
 * migration, §12 containers, §13 apt and the 8 → 9 upgrade).
 */
package io.jenkins.plugins.nestedpve.upgrade;
