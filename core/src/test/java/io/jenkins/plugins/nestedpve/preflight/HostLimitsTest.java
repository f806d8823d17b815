package io.jenkins.plugins.nestedpve.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.host.NestingPolicy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostLimitsTest {
    private static final String WHERE = "host 'lab'";
    private static final HostLimits LIMITS = new HostLimits(
            List.of("vmbr1"), List.of(0, 20), List.of("fast"), List.of("9000"), 8192, 4, Duration.ofHours(4));

    private static HostLimits.Request request() {
        return new HostLimits.Request(null, null, null, null, null, 4096, 2, null);
    }

    @Test
    void theHostsDefaultsAreAlwaysWithinTheLimits() {
        assertThat(LIMITS.problems(request(), NestingPolicy.REQUIRE, WHERE)).isEmpty();
    }

    @Test
    void noLimitsAllowWhatWasAllowedBefore() {
        HostLimits.Request r = new HostLimits.Request(
                "vmbr9", 99, "other", "123", NestingPolicy.EMULATE, 1_048_576, 128, Duration.ofDays(7));
        assertThat(HostLimits.NONE.problems(r, NestingPolicy.REQUIRE, WHERE)).isEmpty();
    }

    @Test
    void aBridgeOutsideTheAllowListIsRefusedNamingTheSetting() {
        HostLimits.Request r = new HostLimits.Request("vmbr9", null, null, null, null, 4096, 2, null);
        assertThat(LIMITS.problems(r, NestingPolicy.REQUIRE, WHERE))
                .singleElement()
                .asString()
                .startsWith("bridge: 'vmbr9' is not among the host's allowed bridges [vmbr1]")
                .contains("host 'lab'");
    }

    @Test
    void vlanStorageAndTemplateOutsideTheirListsAreRefused() {
        HostLimits.Request r = new HostLimits.Request(null, 30, "slow", "9001", null, 4096, 2, null);
        assertThat(LIMITS.problems(r, NestingPolicy.REQUIRE, WHERE))
                .hasSize(3)
                .anySatisfy(p -> assertThat(p).startsWith("vlan: '30'"))
                .anySatisfy(p -> assertThat(p).startsWith("storage: 'slow'"))
                .anySatisfy(p -> assertThat(p).startsWith("template: '9001'"));
    }

    @Test
    void enableIsOnlyTheHostsOwnPolicy() {
        HostLimits.Request r = new HostLimits.Request(null, null, null, null, NestingPolicy.ENABLE, 4096, 2, null);
        assertThat(HostLimits.NONE.problems(r, NestingPolicy.REQUIRE, WHERE))
                .singleElement()
                .asString()
                .contains("Default nesting policy");
        assertThat(HostLimits.NONE.problems(r, NestingPolicy.ENABLE, WHERE)).isEmpty();
    }

    @Test
    void memoryCoresAndKeepOnFailureAreCapped() {
        HostLimits.Request r = new HostLimits.Request(null, null, null, null, null, 16384, 8, Duration.ofDays(1));
        assertThat(LIMITS.problems(r, NestingPolicy.REQUIRE, WHERE))
                .hasSize(3)
                .anySatisfy(p -> assertThat(p).startsWith("memoryMiB: 16384 is above"))
                .anySatisfy(p -> assertThat(p).startsWith("cores: 8 is above"))
                .anySatisfy(p -> assertThat(p).startsWith("keepOnFailure: "));
    }

    @Test
    void aZeroKeepOnFailureCapForbidsKeeping() {
        HostLimits never = new HostLimits(List.of(), List.of(), List.of(), List.of(), 0, 0, Duration.ZERO);
        HostLimits.Request r = new HostLimits.Request(null, null, null, null, null, 4096, 2, Duration.ofMinutes(5));
        assertThat(never.problems(r, NestingPolicy.REQUIRE, WHERE))
                .singleElement()
                .asString()
                .contains("failed clusters are never kept");
        assertThat(never.problems(request(), NestingPolicy.REQUIRE, WHERE)).isEmpty();
    }

    @Test
    void allowListsParseAsAdministratorsWriteThem() {
        assertThat(HostLimits.names(" vmbr1, vmbr2\nvmbr1 ")).containsExactly("vmbr1", "vmbr2");
        assertThat(HostLimits.names(null)).isEmpty();
        assertThat(HostLimits.vlans("0, 20 30")).containsExactly(0, 20, 30);
        assertThatThrownBy(() -> HostLimits.vlans("20 x")).hasMessageContaining("'x' is not a VLAN tag");
        assertThatThrownBy(() -> HostLimits.vlans("4095")).hasMessageContaining("'4095'");
    }

    @Test
    void limitsAreAnItemOfThePreflightReport() {
        HostLimits.Request r = new HostLimits.Request("vmbr9", null, null, null, null, 4096, 2, null);
        PreflightItem failed = LIMITS.item(r, NestingPolicy.REQUIRE, WHERE);
        assertThat(failed.check()).isEqualTo(HostLimits.CHECK);
        assertThat(failed.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(failed.detail()).isEqualTo(String.join("; ", LIMITS.problems(r, NestingPolicy.REQUIRE, WHERE)));
        assertThat(LIMITS.item(request(), NestingPolicy.REQUIRE, WHERE).verdict())
                .isEqualTo(Verdict.PASS);
    }
}
