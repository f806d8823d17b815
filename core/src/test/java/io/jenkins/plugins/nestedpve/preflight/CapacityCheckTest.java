package io.jenkins.plugins.nestedpve.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CapacityCheckTest {
    private static final long GIB = 1024L * 1024 * 1024;

    @Test
    void guestsThatFitWithTheMarginPass() {
        HostCapacity host = new HostCapacity(64 * GIB, 40 * GIB, 16);
        assertThat(CapacityCheck.problems(host, "pve1", 3, 8192, 4)).isEmpty();
    }

    @Test
    void tooLittleMemoryNamesTheNumbersAndWhatToChange() {
        HostCapacity host = new HostCapacity(64 * GIB, 12 * GIB, 16);
        assertThat(CapacityCheck.problems(host, "pve1", 3, 4096, 2))
                .singleElement()
                .hasToString("memoryMiB: 3 nodes × 4096 MiB = 12.0 GiB plus a safety margin of 6.4 GiB do not fit"
                        + " into the 12.0 GiB available on pve1 (of 64.0 GiB) — lower nodes or memoryMiB, or free"
                        + " memory on pve1");
    }

    @Test
    void smallHostsKeepAtLeastOneGibFree() {
        HostCapacity host = new HostCapacity(8 * GIB, 5 * GIB, 4);
        assertThat(CapacityCheck.problems(host, "pve1", 1, 4608, 2))
                .singleElement()
                .asString()
                .contains("margin of 1.0 GiB");
        assertThat(CapacityCheck.problems(host, "pve1", 1, 3072, 2)).isEmpty();
    }

    @Test
    void moreCoresThanTheHostHasIsAProblem() {
        HostCapacity host = new HostCapacity(64 * GIB, 60 * GIB, 4);
        assertThat(CapacityCheck.problems(host, "pve1", 1, 2048, 8))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.field()).isEqualTo("cores");
                    assertThat(p.message())
                            .contains("exceed the 4 logical CPUs of pve1")
                            .endsWith("set cores to at most 4");
                });
    }
}
