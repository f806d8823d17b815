package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PveHostConfigTest {
    @Test
    void defaultsAreUsableOnAStandardHost() {
        PveHostConfig h = new PveHostConfig(" lab ");

        assertThat(h.getId()).isEqualTo("lab");
        assertThat(h.getStorage()).isEqualTo("local-lvm");
        assertThat(h.getBridge()).isEqualTo("vmbr0");
        assertThat(h.getAddressing()).isEqualTo(PveHostConfig.Addressing.DHCP);
        assertThat(h.getNesting()).isEqualTo(PveHostConfig.Nesting.REQUIRE);
        assertThat(HostChecks.vmidRange("" + h.getVmidRangeStart(), "" + h.getVmidRangeEnd()))
                .isEqualTo(Validation.ok());
    }

    @Test
    void blankTextIsStoredAsUnset() {
        PveHostConfig h = new PveHostConfig("lab");
        h.setSshCredentialsId("  ");

        assertThat(h.getSshCredentialsId()).isNull();
        assertThat(h.hasSsh()).isFalse();
    }

    @Test
    void apiPortDefaultsToPves() {
        PveHostConfig h = new PveHostConfig("lab");
        h.setApiUrl("https://pve.example.org");

        assertThat(h.apiPort()).isEqualTo(8006);
    }

    @Test
    void ipv6HostIsUsedWithoutBrackets() {
        PveHostConfig h = new PveHostConfig("lab");
        h.setApiUrl("https://[fd00::5]:8443");

        assertThat(PveConnectionTester.bareHost(h)).isEqualTo("fd00::5");
        assertThat(h.apiPort()).isEqualTo(8443);
    }

    @Test
    void toStringShowsCredentialIdsOnly() {
        PveHostConfig h = new PveHostConfig("lab");
        h.setTokenCredentialsId("pve-token");
        h.setAddressing(PveHostConfig.Addressing.STATIC);
        h.setStaticPoolCidr("10.20.0.0/24");
        h.setStaticGateway("10.20.0.1");

        assertThat(h.toString())
                .contains("token credentials pve-token")
                .contains("addressing static 10.20.0.0/24 via 10.20.0.1");
    }

    @Test
    void aHostConfiguredBeforeLimitsExistedLimitsNothing() {
        PveHostConfig h = new PveHostConfig("lab");

        assertThat(h.limits()).isEqualTo(io.jenkins.plugins.nestedpve.preflight.HostLimits.NONE);
        assertThat(h.allowsJob("any/job")).isTrue();
        assertThat(h.toString()).doesNotContain("jobs").doesNotContain("max");
    }

    @Test
    void allowedJobsNameJobsAndFolders() {
        PveHostConfig h = new PveHostConfig("lab");
        h.setAllowedJobs("infra/, release");

        assertThat(h.allowsJob("infra/pve-tests")).isTrue();
        assertThat(h.allowsJob("infra")).isTrue();
        assertThat(h.allowsJob("release")).isTrue();
        assertThat(h.allowsJob("infrastructure/x")).isFalse();
        assertThat(h.allowsJob("release-candidate")).isFalse();
        assertThat(h.toString()).contains("jobs infra/, release");
    }

    @Test
    void limitsThatDoNotParseNameTheirSetting() {
        PveHostConfig h = new PveHostConfig("lab");
        h.setAllowedVlans("10 eleven");
        org.assertj.core.api.Assertions.assertThatThrownBy(h::limits).hasMessageStartingWith("allowed VLAN tags:");
        h.setAllowedVlans(null);
        h.setMaxKeepOnFailure("soon");
        org.assertj.core.api.Assertions.assertThatThrownBy(h::limits)
                .hasMessageStartingWith("maximum keep-on-failure:");
    }
}
