package io.jenkins.plugins.nestedpve.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.spec.HostRef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerTest {
    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");
    private static final HostRef HOST = HostRef.of(
            "https://pve1.lab:8006",
            "pve1",
            "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89");

    @TempDir
    Path dir;

    private static LedgerEntry created(String lease, int vmid) {
        return LedgerEntry.created(lease, "np-ci-42", HOST, vmid, "np-ci-42-n" + (vmid % 100), T0);
    }

    @Test
    void liveListsCreatedVmsNotYetDestroyed() {
        try (Ledger ledger = new InMemoryLedger()) {
            ledger.record(created("a", 80001));
            ledger.record(created("a", 80002));
            ledger.record(created("b", 80003));
            ledger.record(created("a", 80001).destroyed(T0.plusSeconds(60)));
            assertThat(ledger.live()).extracting(LedgerEntry::vmid).containsExactly(80002, 80003);
            assertThat(ledger.live("a")).extracting(LedgerEntry::vmid).containsExactly(80002);
        }
    }

    @Test
    void aReusedVmidIsLiveAgainForItsNewLease() {
        try (Ledger ledger = new InMemoryLedger()) {
            ledger.record(created("a", 80001));
            ledger.record(created("a", 80001).destroyed(T0));
            ledger.record(created("b", 80001));
            assertThat(ledger.live()).extracting(LedgerEntry::lease).containsExactly("b");
        }
    }

    @Test
    void fileLedgerSurvivesReopening() {
        Path file = dir.resolve("state/ledger.jsonl");
        try (FileLedger ledger = FileLedger.open(file)) {
            ledger.record(created("a", 80001));
            ledger.record(created("a", 80002));
        }
        try (FileLedger again = FileLedger.open(file)) {
            assertThat(again.entries()).containsExactly(created("a", 80001), created("a", 80002));
            again.record(created("a", 80001).destroyed(T0));
        }
        try (FileLedger third = FileLedger.open(file)) {
            assertThat(third.live()).extracting(LedgerEntry::vmid).containsExactly(80002);
        }
    }

    @Test
    void writesOneJsonObjectPerLine() throws Exception {
        Path file = dir.resolve("ledger.jsonl");
        try (FileLedger ledger = FileLedger.open(file)) {
            ledger.record(created("a", 80001));
        }
        assertThat(Files.readString(file))
                .isEqualTo("{\"lease\":\"a\",\"cluster\":\"np-ci-42\",\"host\":\"pve1@pve1.lab:8006\",\"hostNode\":"
                        + "\"pve1\",\"vmid\":80001,\"node\":\"np-ci-42-n1\",\"state\":\"CREATED\",\"time\":"
                        + "\"2025-01-01T10:00:00Z\"}\n");
    }

    @Test
    void aLineTornByACrashIsSkippedAndFencedOff() throws Exception {
        Path file = dir.resolve("ledger.jsonl");
        try (FileLedger ledger = FileLedger.open(file)) {
            ledger.record(created("a", 80001));
        }
        Files.writeString(file, "{\"lease\":\"a\",\"vmid\":800", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (FileLedger ledger = FileLedger.open(file)) {
            ledger.record(created("a", 80002));
            assertThat(ledger.entries()).extracting(LedgerEntry::vmid).containsExactly(80001, 80002);
            assertThat(ledger.skippedLines()).isEqualTo(1);
        }
    }

    @Test
    void anInterruptedThreadStillRecordsAndLeavesTheLedgerUsable() throws Exception {
        Path file = dir.resolve("interrupted.jsonl");
        try (FileLedger ledger = FileLedger.open(file)) {
            Thread.currentThread().interrupt();
            try {
                ledger.record(created("L1", 80000));
            } finally {
                // the flag stays set for the caller (the ledger must neither clear nor need it)
                assertThat(Thread.interrupted()).isTrue();
            }
            ledger.record(created("L1", 80001));

            assertThat(ledger.live()).extracting(LedgerEntry::vmid).containsExactly(80000, 80001);
        }
    }

    @Test
    void concurrentAppendsAreAllKept() throws Exception {
        Path file = dir.resolve("ledger.jsonl");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (FileLedger ledger = FileLedger.open(file)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int vmid = 80000 + i;
                futures.add(pool.submit(() -> ledger.record(created("a", vmid))));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        try (FileLedger again = FileLedger.open(file)) {
            assertThat(again.entries())
                    .hasSize(200)
                    .extracting(LedgerEntry::vmid)
                    .doesNotHaveDuplicates();
            assertThat(again.skippedLines()).isZero();
        }
    }

    @Test
    void compactKeepsOnlyLiveEntries() throws Exception {
        Path file = dir.resolve("ledger.jsonl");
        try (FileLedger ledger = FileLedger.open(file)) {
            ledger.record(created("a", 80001));
            ledger.record(created("a", 80002));
            ledger.record(created("a", 80001).destroyed(T0));
            ledger.compact();
            ledger.record(created("b", 80003));
            assertThat(ledger.entries()).extracting(LedgerEntry::vmid).containsExactly(80002, 80003);
        }
        assertThat(Files.readAllLines(file)).hasSize(2);
    }

    @Test
    void closingTwiceIsHarmlessAndRecordingAfterCloseFails() {
        FileLedger ledger = FileLedger.open(dir.resolve("ledger.jsonl"));
        ledger.close();
        ledger.close();
        assertThatThrownBy(() -> ledger.record(created("a", 1))).hasMessageContaining("is closed");
    }

    @Test
    void anUnwritableLocationSaysWhatToCheck() throws Exception {
        Path blocker = Files.writeString(dir.resolve("file"), "x");
        assertThatThrownBy(() -> FileLedger.open(blocker.resolve("ledger.jsonl")))
                .isInstanceOf(LedgerException.class)
                .hasMessageContaining("cannot open the VM ledger")
                .hasMessageContaining("writable");
    }
}
