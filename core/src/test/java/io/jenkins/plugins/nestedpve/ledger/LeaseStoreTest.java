package io.jenkins.plugins.nestedpve.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.spec.HostRef;
import io.jenkins.plugins.nestedpve.wait.ManualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeaseStoreTest {
    private static final HostRef HOST = HostRef.of(
            "https://pve1.lab:8006",
            "pve1",
            "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89");

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-08-01T10:00:00Z"));

    private LeaseStore store() {
        return new LeaseStore(FileLedger.open(dir.resolve("ledger.jsonl")), clock);
    }

    private static LedgerEntry vm(String lease, int vmid) {
        return LedgerEntry.created(lease, "np-a", HOST, vmid, "np-a-n" + (vmid % 10), Instant.EPOCH);
    }

    @Test
    void aLeaseAndItsVmsSurviveReopeningTheFile() {
        LeaseStore store = store();
        store.open("l1", "np-a", Map.of("build", "job#1", "host", "lab"));
        store.ledger().record(vm("l1", 80001));
        store.activate("l1");

        Lease again = store().find("l1").orElseThrow();

        assertThat(again.state()).isEqualTo(LeaseState.ACTIVE);
        assertThat(again.vmids()).containsExactly(80001);
        assertThat(again.tags()).containsEntry("build", "job#1").containsEntry("host", "lab");
    }

    @Test
    void aDestroyedVmLeavesTheLeasesVmids() {
        LeaseStore store = store();
        store.open("l1", "np-a", Map.of());
        store.ledger().record(vm("l1", 80001));
        store.ledger().record(vm("l1", 80002));
        store.ledger().record(vm("l1", 80001).destroyed(Instant.EPOCH));

        assertThat(store.find("l1").orElseThrow().vmids()).containsExactly(80002);
    }

    @Test
    void aReleasedLeaseIsNoLongerLive() {
        LeaseStore store = store();
        store.open("l1", "np-a", Map.of());
        store.open("l2", "np-b", Map.of());
        store.beginTeardown("l1");
        store.release("l1");

        assertThat(store.live()).extracting(Lease::id).containsExactly("l2");
        assertThat(store.all()).extracting(Lease::id).containsExactly("l1", "l2");
    }

    @Test
    void keptUntilIsStoredAndKeptOnlyUntilThen() {
        LeaseStore store = store();
        store.open("l1", "np-a", Map.of());
        store.keepUntil("l1", clock.instant().plus(Duration.ofHours(2)));

        Lease kept = store().find("l1").orElseThrow();

        assertThat(kept.isKeptAt(clock.instant())).isTrue();
        assertThat(kept.isKeptAt(clock.instant().plus(Duration.ofHours(3)))).isFalse();
    }

    @Test
    void liveTaggedFindsTheLeasesOfOneHolder() {
        LeaseStore store = store();
        store.open("l1", "np-a", Map.of("build", "job#1"));
        store.open("l2", "np-b", Map.of("build", "job#2"));

        assertThat(store.liveTagged("build", "job#2")).extracting(Lease::id).containsExactly("l2");
    }

    @Test
    void openingAnExistingLeaseIsRefused() {
        LeaseStore store = store();
        store.open("l1", "np-a", Map.of());

        assertThatThrownBy(() -> store.open("l1", "np-a", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lease l1 is already in the ledger");
    }

    @Test
    void pruneForgetsOldReleasedLeasesAndDestroyedVms() throws Exception {
        LeaseStore store = store();
        store.open("old", "np-a", Map.of());
        store.ledger().record(vm("old", 80001));
        store.ledger().record(vm("old", 80001).destroyed(Instant.EPOCH));
        store.release("old");
        store.open("live", "np-b", Map.of());
        store.ledger().record(vm("live", 80002));
        clock.advance(Duration.ofDays(8));
        store.open("fresh", "np-c", Map.of());
        store.release("fresh");

        assertThat(store.pruneReleased(Duration.ofDays(7))).isEqualTo(1);

        assertThat(store().all()).extracting(Lease::id).containsExactly("live", "fresh");
        assertThat(store().find("live").orElseThrow().vmids()).containsExactly(80002);
        assertThat(Files.readAllLines(dir.resolve("ledger.jsonl"), StandardCharsets.UTF_8))
                .hasSize(3);
    }

    @Test
    void restoringAnOlderSnapshotChangesNothing() {
        LeaseStore store = store();
        Lease l = store.open("l1", "np-a", Map.of());
        clock.advance(Duration.ofMinutes(1));
        store.activate("l1");

        store.restore(l);
        store.restore(new Lease("l2", "np-b", LeaseState.ACTIVE, l.created(), null, l.updated(), Map.of(), List.of()));

        assertThat(store.find("l1").orElseThrow().state()).isEqualTo(LeaseState.ACTIVE);
        assertThat(store.find("l2")).isPresent();
    }

    @Test
    void theFileHoldsOneLinePerChangeInTheDocumentedFormat() throws Exception {
        LeaseStore store = store();
        store.open("l1", "np-a", Map.of("build", "job#1"));
        store.ledger().record(vm("l1", 80001));

        List<String> lines = Files.readAllLines(dir.resolve("ledger.jsonl"), StandardCharsets.UTF_8);

        assertThat(lines)
                .containsExactly(
                        "{\"kind\":\"lease\",\"lease\":\"l1\",\"cluster\":\"np-a\",\"state\":\"PROVISIONING\","
                                + "\"created\":\"2026-08-01T10:00:00Z\",\"keptUntil\":null,"
                                + "\"time\":\"2026-08-01T10:00:00Z\",\"tags\":{\"build\":\"job#1\"}}",
                        "{\"lease\":\"l1\",\"cluster\":\"np-a\",\"host\":\"" + HOST.id() + "\",\"hostNode\":\"pve1\","
                                + "\"vmid\":80001,\"node\":\"np-a-n1\",\"state\":\"CREATED\","
                                + "\"time\":\"1970-01-01T00:00:00Z\"}");
    }

    @Test
    void vmLinesOfTheFormatBeforeLeasesAreStillRead() throws Exception {
        Files.writeString(
                dir.resolve("ledger.jsonl"),
                "{\"lease\":\"l0\",\"cluster\":\"np-z\",\"host\":\"pve1@10.0.0.2:8006\",\"hostNode\":\"pve1\","
                        + "\"vmid\":80000,\"node\":\"np-z-n1\",\"state\":\"CREATED\",\"time\":\"2025-01-01T10:00:00Z\"}\n");

        assertThat(store().ledger().live("l0")).extracting(LedgerEntry::vmid).containsExactly(80000);
    }

    @Test
    void theInMemoryLedgerKeepsLeasesToo() {
        LeaseStore store = new LeaseStore(new InMemoryLedger(), clock);
        store.open("l1", "np-a", Map.of());
        store.ledger().record(vm("l1", 80001));
        store.release("l1");
        clock.advance(Duration.ofDays(8));

        assertThat(store.pruneReleased(Duration.ofDays(7))).isEqualTo(1);
        assertThat(store.all()).isEmpty();
        assertThat(store.ledger().live()).extracting(LedgerEntry::vmid).containsExactly(80001);
    }
}
