package io.jenkins.plugins.nestedpve.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.events.Outcome;
import io.jenkins.plugins.nestedpve.events.Timeline;
import io.jenkins.plugins.nestedpve.provision.Provisioning;
import io.jenkins.plugins.nestedpve.sim.TemplateSpec;
import io.jenkins.plugins.nestedpve.upgrade.StepResult;
import io.jenkins.plugins.nestedpve.upgrade.UpgradePlan;
import io.jenkins.plugins.nestedpve.upgrade.UpgradeReport;
import io.jenkins.plugins.nestedpve.upgrade.UpgradeStep;
import io.jenkins.plugins.nestedpve.upgrade.UpgradeTrial;
import io.jenkins.plugins.nestedpve.wait.Sleeper;
import org.junit.jupiter.api.Test;

/**
 * A minor trial ({@code to: latest}) on the simulator: a two-node cluster of PVE 8.3 guests ends on
 * the newest 8.4 the simulated bookworm repository offers, with the report shape of a major trial.
 */
class MinorUpgradeTrialTest {
    @Test
    void latestBringsEveryNodeOfAnEightThreeClusterToTheNewestEightFour() throws Exception {
        try (SimLab lab = new SimLab(
                SimLab.simulator(0.002).template(TemplateSpec.pve83()).start())) {
            Provisioning p =
                    lab.engine.start(lab.spec(2).build(), lab.token(), lab.guest(), new Timeline(lab.ctx.clock()));
            NestedCluster cluster = p.await();
            UpgradeReport report;
            try {
                report = UpgradeTrial.builder(
                                cluster,
                                p.rootPassword(),
                                UpgradePlan.builder().to("latest").build())
                        .clock(lab.ctx.clock())
                        .sleeper(Sleeper.SYSTEM)
                        .ssh(lab.ctx.ssh())
                        .pveClients(lab.ctx.pveClients())
                        .poll(SimLab.FAST)
                        .build()
                        .execute();
            } finally {
                assertThat(lab.engine
                                .teardown(cluster, lab.token(), new Timeline(lab.ctx.clock()))
                                .ok())
                        .isTrue();
            }

            assertThat(report.failureMessage()).isEmpty();
            assertThat(report.nodes()).hasSize(2).allSatisfy(n -> {
                assertThat(n.versionBefore()).startsWith("pve-manager/8.3.5/");
                assertThat(n.versionAfter()).startsWith("pve-manager/8.4.21/").contains("6.8.12-20-pve");
                assertThat(n.outcome()).isEqualTo(Outcome.SUCCEEDED);
                assertThat(n.steps())
                        .extracting(StepResult::step)
                        .containsSubsequence(
                                UpgradeStep.PRECHECK,
                                UpgradeStep.APT_UPDATE,
                                UpgradeStep.DIST_UPGRADE,
                                UpgradeStep.REBOOT,
                                UpgradeStep.VERIFY,
                                UpgradeStep.CLUSTER_HEALTHY)
                        .doesNotContain(UpgradeStep.REPOSITORIES, UpgradeStep.MINOR_UPGRADE);
            });
            assertThat(report.toJUnitXml())
                    .contains("<testsuite name=\"" + report.nodes().get(0).node() + "\"")
                    .contains("<testsuite name=\"" + report.nodes().get(1).node() + "\"")
                    .contains("name=\"dist-upgrade\"");
            assertThat(lab.guestVms()).isEmpty();
        }
    }
}
