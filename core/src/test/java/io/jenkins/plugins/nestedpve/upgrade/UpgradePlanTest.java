package io.jenkins.plugins.nestedpve.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UpgradePlanTest {
    @Test
    void defaultsAreARollingGatedUpgradeToNineFromNoSubscription() {
        UpgradePlan p = UpgradePlan.builder().build();

        assertThat(p.target()).isEqualTo("9");
        assertThat(p.targetMajor()).hasValue(9);
        assertThat(p.strategy()).isEqualTo(Strategy.ROLLING);
        assertThat(p.checker()).isEqualTo(CheckerMode.GATE);
        assertThat(p.repository()).isEqualTo(Repository.NO_SUBSCRIPTION);
        assertThat(p.repositoryUri()).isEqualTo("http://download.proxmox.com/debian/pve");
        assertThat(p.workload()).isFalse();
    }

    @Test
    void latestMeansNoMajor() {
        assertThat(UpgradePlan.builder().to("Latest").build().targetMajor()).isEmpty();
    }

    @Test
    void parsesTheSpellingsOfPipelineParameters() {
        UpgradePlan p = UpgradePlan.builder()
                .strategy("parallel")
                .checker("REPORT")
                .repository("no-subscription")
                .mirror("http://mirror.example/debian/pve/")
                .workload(true)
                .maxGuestDowntime("30s")
                .build();

        assertThat(p.strategy()).isEqualTo(Strategy.PARALLEL);
        assertThat(p.checker()).isEqualTo(CheckerMode.REPORT);
        assertThat(p.repositoryUri()).isEqualTo("http://mirror.example/debian/pve");
        assertThat(p.maxGuestDowntime()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void anUnknownStrategyNamesTheFieldAndTheChoices() {
        assertThatThrownBy(() -> UpgradePlan.builder().strategy("blue-green"))
                .isInstanceOf(InvalidUpgradePlanException.class)
                .hasMessage("strategy: 'blue-green' is not one of rolling, parallel")
                .extracting(e -> ((InvalidUpgradePlanException) e).field())
                .isEqualTo("strategy");
    }

    @Test
    void anUnknownCheckerModeNamesTheField() {
        assertThatThrownBy(() -> UpgradePlan.builder().checker("strict"))
                .hasMessage("checker: 'strict' is not one of gate, report, skip");
    }

    @Test
    void anUnknownRepositoryNamesTheField() {
        assertThatThrownBy(() -> UpgradePlan.builder().repository("community"))
                .hasMessage("repository: 'community' is not one of no-subscription, enterprise, test");
    }

    @Test
    void aTargetThatIsNeitherAMajorNorLatestNamesTheField() {
        assertThatThrownBy(() -> UpgradePlan.builder().to("9.1").build())
                .hasMessage("to: '9.1' is neither a PVE major such as 9 nor latest");
    }

    @Test
    void aMirrorMustBeAnHttpUrlWithoutCredentials() {
        assertThatThrownBy(() ->
                        UpgradePlan.builder().mirror("ftp://mirror.example/pve").build())
                .hasMessageStartingWith("mirror: 'ftp://mirror.example/pve' is not an http(s) URL");
        assertThatThrownBy(() -> UpgradePlan.builder()
                        .mirror("http://u:p@mirror.example/pve")
                        .build())
                .hasMessage("mirror: give the repository's base URL without credentials, query or fragment");
    }

    @Test
    void aDowntimeLimitNeedsTheWorkload() {
        assertThatThrownBy(() -> UpgradePlan.builder().maxGuestDowntime("30s").build())
                .hasMessage("maxGuestDowntime: applies to the workload guests; set workload: true as well");
    }

    @Test
    void aBadDowntimeNamesTheField() {
        assertThatThrownBy(() -> UpgradePlan.builder().maxGuestDowntime("soon"))
                .isInstanceOf(InvalidUpgradePlanException.class)
                .hasMessageStartingWith("maxGuestDowntime: ");
    }

    @Test
    void aZeroTimeoutNamesWhichOne() {
        assertThatThrownBy(() -> UpgradeTimeouts.DEFAULTS.withReboot(Duration.ZERO))
                .hasMessage("timeouts.reboot: must be a positive duration, got PT0S");
    }

    @Test
    void blankUserCommandsAreNone() {
        UpgradePlan p = UpgradePlan.builder()
                .beforeNode("  ")
                .afterNode(" pvesm status ")
                .build();

        assertThat(p.beforeNodeCommand()).isEmpty();
        assertThat(p.afterNodeCommand()).hasValue("pvesm status");
    }

    @Test
    void aTextValueLeftNullKeepsTheDefault() {
        UpgradePlan plan = UpgradePlan.builder()
                .to(null)
                .strategy((String) null)
                .checker((String) null)
                .repository((String) null)
                .build();

        assertThat(plan).isEqualTo(UpgradePlan.builder().build());
    }
}
