package io.jenkins.plugins.nestedpve.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.spec.VmidRange;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VmidAllocatorTest {
    private final VmidRange range = new VmidRange(9000, 9005);

    @Test
    void picksTheLowestFreeIdsInOrder() {
        assertThat(VmidAllocator.allocate(range, Set.of(9000, 9002, 100), 3)).containsExactly(9001, 9003, 9004);
    }

    @Test
    void isDeterministic() {
        List<Integer> used = List.of(9003, 9001);
        assertThat(VmidAllocator.allocate(range, used, 2)).isEqualTo(VmidAllocator.allocate(range, used, 2));
    }

    @Test
    void exhaustedRangeNamesTheRangeAndHowManyAreFree() {
        assertThatThrownBy(() -> VmidAllocator.allocate(range, Set.of(9000, 9001, 9002, 9003), 3))
                .isInstanceOfSatisfying(VmidRangeExhaustedException.class, e -> {
                    assertThat(e.getMessage())
                            .isEqualTo("VMID range 9000..9005 is exhausted: 2 of its 6 ids are free but 3 are needed"
                                    + " — widen vmidRange, or destroy leftover VMs in it (the reaper removes expired"
                                    + " nested-pve guests)");
                    assertThat(e.free()).isEqualTo(2);
                    assertThat(e.toProblem().field()).isEqualTo("vmidRange");
                });
    }

    @Test
    void nextSkipsCollisions() {
        assertThat(VmidAllocator.next(range, Set.of(9000, 9001))).hasValue(9002);
        assertThat(VmidAllocator.next(new VmidRange(9000, 9000), Set.of(9000))).isEmpty();
    }

    @Test
    void nextFromStartsAtTheGivenIdAndWrapsToTheRangeStart() {
        assertThat(VmidAllocator.nextFrom(range, Set.of(9003), 9003)).hasValue(9004);
        assertThat(VmidAllocator.nextFrom(range, Set.of(9004, 9005), 9004)).hasValue(9000);
        assertThat(VmidAllocator.nextFrom(range, Set.of(), 1)).hasValue(9000);
        assertThat(VmidAllocator.nextFrom(new VmidRange(9000, 9001), Set.of(9000, 9001), 9001))
                .isEmpty();
    }

    @Test
    void freeCountIgnoresIdsOutsideTheRange() {
        assertThat(VmidAllocator.freeCount(range, List.of(9000, 9000, 120, 9005)))
                .isEqualTo(4);
    }

    @Test
    void worksAtTheTopOfTheVmidSpace() {
        VmidRange top = new VmidRange(VmidRange.MAX - 1, VmidRange.MAX);
        assertThat(VmidAllocator.allocate(top, Set.of(), 2)).containsExactly(VmidRange.MAX - 1, VmidRange.MAX);
    }
}
