package io.jenkins.plugins.nestedpve.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.pve.StorageInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StorageCheckTest {
    private static final long GIB = 1024L * 1024L * 1024L;

    private final List<PreflightItem> items = new ArrayList<>();
    private final StorageCheck check = new StorageCheck(Specs.spec().build(), "pve1", items::add);

    private static StorageInfo lvm(boolean enabled, boolean active) {
        return new StorageInfo(
                "local-lvm", "lvmthin", Set.of("images", "rootdir"), 80 * GIB, 100 * GIB, enabled, active, false);
    }

    @Test
    void anEnabledActiveStorageWithImagesPasses() {
        check.check(List.of(lvm(true, true)), Set.of("local-lvm"));

        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.verdict()).isEqualTo(Verdict.PASS);
            assertThat(i.detail()).isEqualTo("local-lvm (80.0 GiB free)");
        });
    }

    @Test
    void aDisabledStorageFailsAsPveWouldRefuseIt() {
        check.check(List.of(lvm(false, false)), Set.of("local-lvm"));

        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(i.toProblem())
                    .hasToString("storage: storage 'local-lvm' is disabled — enable it in Datacenter"
                            + " → Storage, or use another");
        });
    }

    @Test
    void anInaccessibleStorageFails() {
        check.check(List.of(lvm(true, false)), Set.of("local-lvm"));

        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(i.detail()).isEqualTo("storage 'local-lvm' is not active on pve1 (not accessible)");
        });
    }

    @Test
    void anUnknownStorageNamesTheKnownOnes() {
        check.check(List.of(lvm(true, true)), Set.of("ceph"));

        assertThat(items)
                .singleElement()
                .satisfies(i -> assertThat(i.message())
                        .startsWith(
                                "storage 'ceph' is not known on pve1 (known: [local-lvm]) — name a storage of pve1"));
    }
}
