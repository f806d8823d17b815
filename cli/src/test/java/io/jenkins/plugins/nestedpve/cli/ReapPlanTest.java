package io.jenkins.plugins.nestedpve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.cluster.OwnershipMarker;
import io.jenkins.plugins.nestedpve.reap.ReapRules;
import io.jenkins.plugins.nestedpve.reap.ReapScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReapPlanTest {
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String ME = "alice@box";

    static OwnedVms.Owned vm(int vmid, String lease, String owner, Instant created, Instant expires) {
        return new OwnedVms.Owned(
                vmid,
                "np-x-n1",
                new OwnershipMarker(1, "inst", lease, "np-x", "np-x-n1", owner, "b", created, expires));
    }

    static List<ReapRules.Verdict> plan(OwnedVms.Owned... vms) {
        ReapScope scope = new ReapScope(ME, Set.of("held")::contains, Duration.ofMinutes(15));
        return ReapPlan.plan(new OwnedVms.Listing(List.of(vms), 0), scope, CLOCK);
    }

    @Test
    void expiredIsReaped() {
        List<ReapRules.Verdict> d = plan(vm(1, "a", ME, NOW.minus(Duration.ofHours(5)), NOW.minusSeconds(1)));

        assertThat(d).singleElement().satisfies(x -> assertThat(x.reap()).isTrue());
    }

    @Test
    void anExpiredVmWithAnUnsignedMarkerIsListedAndKept() {
        OwnedVms.Owned old = vm(1, "a", ME, NOW.minus(Duration.ofHours(5)), NOW.minusSeconds(1));
        List<ReapRules.Verdict> d = plan(new OwnedVms.Owned(
                old.vmid(),
                old.name(),
                old.marker(),
                io.jenkins.plugins.nestedpve.teardown.OwnershipCheck.Trust.UNSIGNED));

        assertThat(d).singleElement().satisfies(x -> {
            assertThat(x.reap()).isFalse();
            assertThat(x.decision().reason()).startsWith("unsigned marker");
        });
    }

    @Test
    void notYetExpiredIsKept() {
        List<ReapRules.Verdict> d = plan(vm(1, "a", ME, NOW.minus(Duration.ofHours(5)), NOW.plusSeconds(60)));

        assertThat(d).singleElement().satisfies(x -> assertThat(x.reap()).isFalse());
    }

    @Test
    void heldLeaseIsKept() {
        List<ReapRules.Verdict> d = plan(vm(1, "held", ME, NOW.minus(Duration.ofHours(5)), null));

        assertThat(d.get(0).reap()).isFalse();
        assertThat(d.get(0).decision().reason()).isEqualTo("lease in use");
    }

    @Test
    void orphanIsReapedOnlyOnceOlderThanTheGrace() {
        List<ReapRules.Verdict> d = plan(
                vm(1, "gone", ME, NOW.minus(Duration.ofMinutes(5)), null),
                vm(2, "gone", ME, NOW.minus(Duration.ofMinutes(20)), null));

        assertThat(d).extracting(ReapRules.Verdict::reap).containsExactly(false, true);
    }

    @Test
    void otherOwnersAreNotConsidered() {
        assertThat(plan(vm(1, "gone", "bob@box", NOW.minus(Duration.ofHours(5)), null)))
                .isEmpty();
    }
}
