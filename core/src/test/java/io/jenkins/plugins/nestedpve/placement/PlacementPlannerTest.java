package io.jenkins.plugins.nestedpve.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.nestedpve.spec.Placement;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlacementPlannerTest {
    private static final long GIB = 1024L * 1024 * 1024;
    private static final List<NodeRoom> ROOMS =
            List.of(new NodeRoom("a", 10 * GIB), new NodeRoom("b", 30 * GIB), new NodeRoom("c", 20 * GIB));

    @Test
    void spreadGoesRoundRobinOverTheNodesByMostFreeMemory() {
        assertThat(PlacementPlanner.plan(Placement.spread(), ROOMS, 4, 4 * GIB)).containsExactly("b", "c", "a", "b");
    }

    @Test
    void spreadBreaksTiesByNodeName() {
        List<NodeRoom> equal = List.of(new NodeRoom("z", GIB * 8), new NodeRoom("m", GIB * 8));
        assertThat(PlacementPlanner.plan(Placement.spread(), equal, 2, GIB)).containsExactly("m", "z");
    }

    @Test
    void packFillsTheNodeWithTheMostFreeMemoryBeforeTheNext() {
        assertThat(PlacementPlanner.plan(Placement.pack(), ROOMS, 5, 8 * GIB)).containsExactly("b", "b", "b", "c", "c");
    }

    @Test
    void aNodeListKeepsItsOrder() {
        assertThat(PlacementPlanner.plan(Placement.parse("a,c"), List.of(ROOMS.get(0), ROOMS.get(2)), 3, GIB))
                .containsExactly("a", "c", "a");
    }

    @Test
    void guestsThatDoNotFitNameTheNodeAndTheFreeMemory() {
        PlacementException e = catchThrowableOfType(
                PlacementException.class, () -> PlacementPlanner.plan(Placement.pack(), ROOMS, 3, 25 * GIB));
        assertThat(e.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.toString())
                        .isEqualTo("placement: 3 guests of 25.0 GiB do not fit with placement pack: no node has room"
                                + " left (free: b 30.0 GiB, c 20.0 GiB, a 10.0 GiB) — use fewer or smaller guests, another"
                                + " placement, or free memory on the nodes"));
    }
}
