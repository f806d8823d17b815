package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.install.InstallationHome;
import io.jenkins.plugins.nestedpve.install.LeaseFileUpgrade;
import io.jenkins.plugins.nestedpve.ledger.Lease;
import io.jenkins.plugins.nestedpve.ledger.LeaseReleaser;
import io.jenkins.plugins.nestedpve.ledger.LeaseState;
import io.jenkins.plugins.nestedpve.ledger.LedgerEntry;
import io.jenkins.plugins.nestedpve.wait.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Jenkins upgraded from the version with its own lease file keeps every lease it had (no leaked guest). */
class LeaseFileUpgradeTest {
    private static final String OWNER = "5b0d3c1e-4f2a-4d6b-9c8e-0a1b2c3d4e5f";

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-08-01T10:00:00Z"));
    private final List<String> warnings = new ArrayList<>();
    private final PveHostConfig lab = labHost();

    private static PveHostConfig labHost() {
        PveHostConfig h = new PveHostConfig("lab");
        h.setApiUrl("https://pve1.lab:8006");
        h.setNode("pve1");
        h.setFingerprint(TestLeases.HOST.apiFingerprint());
        return h;
    }

    private HostDirectory hosts() {
        return new HostDirectory() {
            @Override
            public Optional<PveHostConfig> host(String id) {
                return id.equals("lab") ? Optional.of(lab) : Optional.empty();
            }

            @Override
            public List<PveHostConfig> all() {
                return List.of(lab);
            }

            @Override
            public int maxNodesPerCluster() {
                return 5;
            }

            @Override
            public int maxConcurrentClusters() {
                return 4;
            }
        };
    }

    /** The file as the previous version wrote it: one active lease with two guests, one released lease. */
    private void writeOldFile() throws IOException {
        Files.writeString(dir.resolve(LeaseFileUpgrade.OLD_FILE), """
                {
                  "format" : 1,
                  "owner" : "%s",
                  "leases" : [ {
                    "id" : "lease-a", "build" : "folder/job#12", "host" : "lab", "cluster" : "np-a",
                    "vmids" : [ 80001, 80002 ], "created" : "2026-07-31T09:00:00Z", "state" : "ACTIVE",
                    "expires" : "2026-08-01T12:00:00Z", "updated" : "2026-07-31T09:05:00Z"
                  }, {
                    "id" : "lease-b", "build" : "folder/job#11", "host" : "lab", "cluster" : "np-b",
                    "vmids" : [ 80003 ], "created" : "2026-07-30T09:00:00Z", "state" : "RELEASED",
                    "expires" : null, "updated" : "2026-07-30T10:00:00Z"
                  } ]
                }
                """.formatted(OWNER));
    }

    private InstallationHome open() {
        return ClusterServices.openHome(dir, hosts(), clock, warnings::add);
    }

    @Test
    void theOldOwnerIdStaysTheInstallationId() throws Exception {
        writeOldFile();

        assertThat(open().id()).isEqualTo(UUID.fromString(OWNER));
        assertThat(open().id()).isEqualTo(UUID.fromString(OWNER));
    }

    @Test
    void aLiveLeaseKeepsItsStateBuildHostExpiryAndGuests() throws Exception {
        writeOldFile();

        InstallationHome home = open();

        Lease a = home.leases().live().get(0);
        assertThat(home.leases().live()).hasSize(1);
        assertThat(a.id()).isEqualTo("lease-a");
        assertThat(a.state()).isEqualTo(LeaseState.ACTIVE);
        assertThat(LeaseTags.build(a)).isEqualTo("folder/job#12");
        assertThat(LeaseTags.host(a)).isEqualTo("lab");
        assertThat(a.keptUntil()).isEqualTo(Instant.parse("2026-08-01T12:00:00Z"));
        assertThat(a.vmids()).containsExactly(80001, 80002);
    }

    @Test
    void theGuestsAreRecordedOnTheHostTheEngineTearsDown() throws Exception {
        writeOldFile();

        InstallationHome home = open();

        // the engine's teardown reads the ledger by the host reference it is given for the configured host
        assertThat(home.ledger().live("lease-a"))
                .extracting(LedgerEntry::host)
                .containsOnly(HostAccess.ref(lab, null).id());
    }

    @Test
    void theOldFileIsConvertedOnceAndKeptAside() throws Exception {
        writeOldFile();
        open();

        assertThat(dir.resolve(LeaseFileUpgrade.OLD_FILE)).doesNotExist();
        assertThat(dir.resolve("leases.json.converted-" + clock.millis())).exists();
        assertThat(warnings).singleElement().asString().startsWith("Converted 1 live lease(s) from ");
        assertThat(open().leases().live()).extracting(Lease::id).containsExactly("lease-a");
    }

    @Test
    void convertingAgainAfterACrashChangesNothing() throws Exception {
        writeOldFile();
        open();
        writeOldFile(); // the rename was lost with the crash

        InstallationHome home = open();

        assertThat(home.leases().all()).extracting(Lease::id).containsExactly("lease-a");
        assertThat(home.leases().live().get(0).vmids()).containsExactly(80001, 80002);
    }

    @Test
    void aConvertedLeaseOfAFinishedBuildIsStillDestroyed() throws Exception {
        writeOldFile();
        clock.advance(java.time.Duration.ofHours(3)); // its keep-on-failure time is up
        InstallationHome home = open();
        RecordingTeardown teardown = new RecordingTeardown();

        new LeaseReleaser(home.leases(), teardown, LeaseTags.builds(b -> false), LeaseReleaser.HostSweep.none(), clock)
                .sweep(warnings::add);

        assertThat(teardown.destroyed).containsExactly("lease-a");
        assertThat(home.leases().live()).isEmpty();
    }

    @Test
    void anUnreadableOldFileIsMovedAsideAndReported() throws Exception {
        Files.writeString(dir.resolve(LeaseFileUpgrade.OLD_FILE), "{ torn");

        InstallationHome home = open();

        assertThat(home.leases().all()).isEmpty();
        assertThat(dir.resolve("leases.json.unreadable-" + clock.millis())).exists();
        assertThat(warnings)
                .singleElement()
                .asString()
                .contains("is unreadable")
                .contains("guests with the nested-pve tag");
    }
}
