package io.jenkins.plugins.nestedpve.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlacementTest {
    @Test
    void theTextFormsAreReadAndWrittenBack() {
        assertThat(Placement.parse(null)).isEqualTo(Placement.host());
        assertThat(Placement.parse(" Host ")).isEqualTo(Placement.host());
        assertThat(Placement.parse("SPREAD")).isEqualTo(Placement.spread());
        assertThat(Placement.parse("pack")).isEqualTo(Placement.pack());
        assertThat(Placement.parse("pve1, pve2 pve3")).isEqualTo(Placement.onNodes(List.of("pve1", "pve2", "pve3")));
        assertThat(Placement.parse("pve1,pve2").toString()).isEqualTo("pve1,pve2");
        assertThat(Placement.spread().toString()).isEqualTo("spread");
    }

    @Test
    void onlyTheHostPlacementKeepsTheGuestsOnTheHostsNode() {
        assertThat(Placement.host().acrossNodes()).isFalse();
        assertThat(Placement.spread().acrossNodes()).isTrue();
        assertThat(Placement.parse("pve1").acrossNodes()).isTrue();
    }

    @Test
    void aSpecWithoutPlacementKeepsEveryGuestOnTheHostsNode() {
        assertThat(ClusterSpecBuilder.DEFAULTS.placement()).isEqualTo(Placement.host());
    }

    @Test
    void aNodeListMustNameValidNodesEachOnce() {
        assertThat(SpecRules.placement(Placement.parse("pve1,pve2"))).isEmpty();
        assertThat(SpecRules.placement(Placement.parse("pve_1")))
                .get()
                .extracting(SpecProblem::toString)
                .asString()
                .startsWith("placement: 'pve_1' is neither spread, pack nor a PVE node name");
        assertThat(SpecRules.placement(Placement.parse("pve1,pve1")))
                .get()
                .extracting(SpecProblem::message)
                .isEqualTo("names a node twice (pve1,pve1) — list each node once");
        assertThat(SpecRules.placement(Placement.onNodes(List.of())))
                .get()
                .extracting(SpecProblem::field)
                .isEqualTo("placement");
    }
}
