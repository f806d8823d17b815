package io.jenkins.plugins.nestedpve.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultPlanTest {
    private static FaultPlan plan(long seed) {
        return FaultPlan.builder()
                .seed(seed)
                .rate(FaultPlan.Kind.TASK_FAILURE, 0.5)
                .build();
    }

    @Test
    void sameSeedGivesSameDecisionsWhateverTheInterleavingOfKeys() {
        FaultPlan a = plan(42);
        FaultPlan b = plan(42);
        List<Boolean> aDecisions = new ArrayList<>();
        List<Boolean> bDecisions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            aDecisions.add(a.taskFailure("qmclone", "9000").isPresent());
            a.taskFailure("qmstart", "101");
        }
        for (int i = 0; i < 20; i++) {
            b.taskFailure("qmstart", "101");
            b.taskFailure("qmstart", "102");
            bDecisions.add(b.taskFailure("qmclone", "9000").isPresent());
        }
        assertThat(aDecisions).isEqualTo(bDecisions).contains(true, false);
    }

    @Test
    void differentSeedsGiveDifferentSequences() {
        FaultPlan a = plan(1);
        FaultPlan b = plan(2);
        List<Boolean> x = new ArrayList<>();
        List<Boolean> y = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            x.add(a.taskFailure("qmclone", "9000").isPresent());
            y.add(b.taskFailure("qmclone", "9000").isPresent());
        }
        assertThat(x).isNotEqualTo(y);
    }

    @Test
    void targetedTaskFailureHitsOnlyTheNextTaskOfThatType() {
        FaultPlan p = FaultPlan.none().failNextTask("qmstart", "boom");
        assertThat(p.taskFailure("qmclone", "9000")).isEmpty();
        assertThat(p.taskFailure("qmstart", "101")).contains("boom");
        assertThat(p.taskFailure("qmstart", "101")).isEmpty();
    }

    @Test
    void rateOutsideZeroToOneIsRejected() {
        assertThatThrownBy(() -> FaultPlan.builder().rate(FaultPlan.Kind.API_5XX, 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[0,1]");
    }

    @Test
    void transientAndPermanentRatesSetOnlyTheirOwnKinds() {
        FaultPlan transientOnly = FaultPlan.builder().seed(3).transientRate(1).build();
        assertThat(transientOnly.apiFault("GET", "/version")).isPresent();
        assertThat(transientOnly.sshDrop("10.0.0.1")).isTrue();
        assertThat(transientOnly.agentLate(101, "1")).isTrue();
        assertThat(transientOnly.taskFailure("qmclone", "9000")).isEmpty();
        assertThat(transientOnly.guestNeverBoots(101, "1")).isFalse();
        assertThat(transientOnly.agentNeverUp(101, "1")).isFalse();

        FaultPlan permanentOnly = FaultPlan.builder().seed(3).permanentRate(1).build();
        assertThat(permanentOnly.apiFault("GET", "/version")).isEmpty();
        assertThat(permanentOnly.sshDrop("10.0.0.1")).isFalse();
        assertThat(permanentOnly.agentLate(101, "1")).isFalse();
        assertThat(permanentOnly.taskFailure("qmclone", "9000")).isPresent();
        assertThat(permanentOnly.guestNeverBoots(101, "1")).isTrue();
        assertThat(permanentOnly.agentNeverUp(101, "1")).isTrue();
    }

    @Test
    void everyKindIsEitherTransientOrPermanent() {
        assertThat(List.of(FaultPlan.Kind.values()))
                .filteredOn(FaultPlan.Kind::isTransient)
                .containsExactlyInAnyOrder(
                        FaultPlan.Kind.API_5XX,
                        FaultPlan.Kind.CLONE_LOCK_TIMEOUT,
                        FaultPlan.Kind.SSH_DROP,
                        FaultPlan.Kind.AGENT_LATE);
    }
}
