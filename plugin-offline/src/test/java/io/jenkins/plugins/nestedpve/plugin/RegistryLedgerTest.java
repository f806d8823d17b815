package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.cluster.LedgerEntry;
import io.jenkins.plugins.nestedpve.cluster.LedgerException;
import io.jenkins.plugins.nestedpve.spec.HostRef;
import io.jenkins.plugins.nestedpve.wait.ManualClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core's ledger on the lease file: what the engine records is in the file, and read back after a restart. */
class RegistryLedgerTest {
    private static final HostRef LAB = HostRef.of("https://pve1.example.org:8006", "pve1", "AA");

    @TempDir
    Path home;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-08-01T10:00:00Z"));

    private LeaseRegistry registry() {
        return LeaseRegistry.open(home.resolve("leases.json"), clock, s -> {});
    }

    private static RegistryLedger ledger(LeaseRegistry registry) {
        return new RegistryLedger(registry, id -> "lab".equals(id) ? Optional.of(LAB) : Optional.empty());
    }

    @Test
    void aCreatedGuestIsInTheLeaseFileAndReadBackAfterARestart() {
        LeaseRegistry registry = registry();
        registry.open("lease-1", "job#1", "lab", "np-a");
        ledger(registry).record(LedgerEntry.created("lease-1", "np-a", LAB, 80001, "np-a-n1", clock.instant()));

        RegistryLedger afterRestart = ledger(registry());

        assertThat(afterRestart.live("lease-1")).singleElement().satisfies(e -> {
            assertThat(e.vmid()).isEqualTo(80001);
            assertThat(e.host()).isEqualTo(LAB.id());
        });
    }

    @Test
    void aDestroyedGuestIsNoLongerLive() {
        LeaseRegistry registry = registry();
        registry.open("lease-1", "job#1", "lab", "np-a");
        RegistryLedger ledger = ledger(registry);
        LedgerEntry created = LedgerEntry.created("lease-1", "np-a", LAB, 80001, "np-a-n1", clock.instant());
        ledger.record(created);

        ledger.record(created.destroyed(clock.instant()));

        assertThat(ledger.live("lease-1")).isEmpty();
    }

    @Test
    void aGuestOfALeaseTheRegistryDoesNotKnowIsRefused() {
        RegistryLedger ledger = ledger(registry());

        assertThatThrownBy(() ->
                        ledger.record(LedgerEntry.created("unknown", "np-a", LAB, 80001, "np-a-n1", clock.instant())))
                .isInstanceOf(LedgerException.class)
                .hasMessageContaining("open the lease before provisioning");
    }

    @Test
    void leasesOfHostsNoLongerConfiguredAreLeftToTheSafetyNets() {
        LeaseRegistry registry = registry();
        registry.open("lease-2", "job#2", "gone", "np-b");
        registry.recordVmid("lease-2", 80002);

        assertThat(ledger(registry).entries()).isEmpty();
    }
}
