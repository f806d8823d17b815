package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.nestedpve.wait.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeaseRegistryTest {
    @TempDir
    Path home;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-08-01T10:00:00Z"));
    private final List<String> warnings = new ArrayList<>();

    private Path file() {
        return home.resolve(LeaseRegistry.RELATIVE_PATH);
    }

    private LeaseRegistry open() {
        return LeaseRegistry.open(file(), clock, warnings::add);
    }

    @Test
    void aNewLeaseIsProvisioningAndOnDisk() {
        Lease lease = open().open("folder/job#12", "lab", "ci-12");

        assertThat(lease.state()).isEqualTo(LeaseState.PROVISIONING);
        assertThat(lease.created()).isEqualTo(clock.instant());
        assertThat(open().find(lease.id())).contains(lease);
    }

    @Test
    void everyChangeSurvivesAReopen() {
        LeaseRegistry r = open();
        String id = r.open("job#1", "lab", "c1").id();
        r.recordVmid(id, 90001);
        r.recordVmid(id, 90002);
        r.activate(id);
        clock.advance(Duration.ofMinutes(5));
        r.keepUntil(id, Instant.parse("2026-08-02T10:00:00Z"));

        Lease reread = open().find(id).orElseThrow();

        assertThat(reread).isEqualTo(r.find(id).orElseThrow());
        assertThat(reread.vmids()).containsExactly(90001, 90002);
        assertThat(reread.state()).isEqualTo(LeaseState.ACTIVE);
        assertThat(reread.expiresAt()).isEqualTo(Instant.parse("2026-08-02T10:00:00Z"));
        assertThat(reread.updated()).isEqualTo(Instant.parse("2026-08-01T10:05:00Z"));
    }

    @Test
    void aVmidIsRecordedOnce() {
        LeaseRegistry r = open();
        String id = r.open("job#1", "lab", "c1").id();

        r.recordVmid(id, 90001);

        assertThat(r.recordVmid(id, 90001).vmids()).containsExactly(90001);
    }

    @Test
    void releasedLeasesAreNotLive() {
        LeaseRegistry r = open();
        String gone = r.open("job#1", "lab", "c1").id();
        String alive = r.open("job#1", "lab", "c2").id();
        r.beginTeardown(gone);
        r.release(gone);

        assertThat(r.liveOfBuild("job#1")).extracting(Lease::id).containsExactly(alive);
        assertThat(r.all()).hasSize(2);
    }

    @Test
    void leasesOfOtherBuildsAreNotReturned() {
        LeaseRegistry r = open();
        r.open("job#1", "lab", "c1");

        assertThat(r.liveOfBuild("job#2")).isEmpty();
    }

    @Test
    void ownerIdIsStableAcrossReopens() {
        String owner = open().ownerId();

        assertThat(open().ownerId()).isEqualTo(owner).isNotBlank();
    }

    @Test
    void updatingAnUnknownLeaseNamesIt() {
        assertThatThrownBy(() -> open().activate("nope")).hasMessageStartingWith("no lease nope in ");
    }

    @Test
    void writesLeaveNoTemporaryFiles() throws IOException {
        LeaseRegistry r = open();
        String id = r.open("job#1", "lab", "c1").id();
        r.recordVmid(id, 90001);

        try (Stream<Path> files = Files.list(file().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("leases.json");
        }
    }

    @Test
    void theFileHoldsOnlyIdsNamesVmidsAndTimes() throws IOException {
        LeaseRegistry r = open();
        String id = r.open("job#1", "lab", "c1").id();
        r.recordVmid(id, 90001);
        r.keepUntil(id, clock.instant().plus(Duration.ofHours(1)));

        JsonNode root = new ObjectMapper().readTree(file().toFile());

        assertThat(fieldNames(root)).containsExactlyInAnyOrder("format", "owner", "leases");
        assertThat(fieldNames(root.get("leases").get(0)))
                .containsExactlyInAnyOrder(
                        "id", "build", "host", "cluster", "vmids", "created", "state", "expires", "updated");
    }

    @Test
    void anUnreadableFileIsMovedAsideAndReported() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{ not json");

        LeaseRegistry r = open();

        assertThat(r.all()).isEmpty();
        assertThat(warnings)
                .singleElement()
                .asString()
                .contains("is unreadable")
                .contains("moved it to");
        assertThat(file().resolveSibling("leases.json.unreadable-" + clock.millis()))
                .hasContent("{ not json");
    }

    @Test
    void releasedLeasesAreForgottenAfterTheRetention() {
        LeaseRegistry r = open();
        String old = r.open("job#1", "lab", "c1").id();
        r.release(old);
        clock.advance(Duration.ofDays(8));
        String recent = r.open("job#2", "lab", "c2").id();
        r.release(recent);

        int pruned = r.pruneReleased(Duration.ofDays(7));

        assertThat(pruned).isEqualTo(1);
        assertThat(open().all()).extracting(Lease::id).containsExactly(recent);
    }

    @Test
    void leaseToStringHasNoSecretShapedField() {
        Lease lease = open().open("job#1", "lab", "c1");

        assertThat(lease.toString()).doesNotContainIgnoringCase("secret").doesNotContainIgnoringCase("password");
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
