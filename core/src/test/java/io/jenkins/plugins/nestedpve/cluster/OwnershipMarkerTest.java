package io.jenkins.plugins.nestedpve.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.wait.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OwnershipMarkerTest {
    private static final Instant CREATED = Instant.parse("2025-01-01T10:00:00.123456Z");

    private final OwnershipMarker marker =
            OwnershipMarker.forNode(Fixtures.spec().build(), "lease-1", "np-ci-42-n1", 80000, CREATED);

    @Test
    void formatsAHumanLineAndACompactJsonMarker() {
        assertThat(marker.format())
                .isEqualTo("Created by nested-pve for https://ci.example.com/job/pve-upgrade/ (pve-upgrade#42);"
                        + " destroyed automatically.\n"
                        + "nested-pve-marker: {\"v\":2,\"installation\":\"3f1c2a6e-9b7d-4c1e-8f00-123456789abc\","
                        + "\"lease\":\"lease-1\",\"cluster\":\"np-ci-42\",\"node\":\"np-ci-42-n1\","
                        + "\"owner\":\"https://ci.example.com/job/pve-upgrade/\",\"build\":\"pve-upgrade#42\","
                        + "\"created\":\"2025-01-01T10:00:00Z\",\"expires\":null,\"vmid\":80000}");
    }

    @Test
    void roundTripsThroughTheDescription() {
        assertThat(OwnershipMarker.parse(marker.format())).contains(marker);
        OwnershipMarker kept = marker.withExpiry(Instant.parse("2025-01-01T12:00:00Z"));
        assertThat(OwnershipMarker.parse(kept.format())).contains(kept);
        assertThat(kept.format()).contains("Kept for debugging until 2025-01-01T12:00:00Z.");
    }

    @Test
    void toleratesOtherTextAndWindowsLineEnds() {
        String description = "Notes by an operator\r\n\r\n" + marker.format().replace("\n", "\r\n") + "\r\nmore text\n";
        assertThat(OwnershipMarker.parse(description)).contains(marker);
    }

    @Test
    void readsTheRawConfigFileForm() {
        // qemu-server writes description lines as '#' comments with ':' and '%' percent-encoded
        String raw = "#Created by nested-pve for x (y); destroyed automatically.\n#"
                + marker.format()
                        .lines()
                        .skip(1)
                        .findFirst()
                        .orElseThrow()
                        .replace("%", "%25")
                        .replace(":", "%3A")
                + "\n";
        assertThat(raw).contains("nested-pve-marker%3A");
        assertThat(OwnershipMarker.parse(raw)).contains(marker);
    }

    @Test
    void ignoresBrokenMarkersAndDescriptionsWithoutOne() {
        assertThat(OwnershipMarker.parse(null)).isEmpty();
        assertThat(OwnershipMarker.parse("just a VM")).isEmpty();
        assertThat(OwnershipMarker.parse("nested-pve-marker: {\"v\":1,\"lease\":"))
                .isEmpty();
        assertThat(OwnershipMarker.parse("nested-pve-marker: {\"v\":1}")).isEmpty();
        assertThat(OwnershipMarker.parse("nested-pve-marker: [1,2]\n" + marker.format()))
                .contains(marker);
    }

    @Test
    void ownershipComparesTheInstallation() {
        assertThat(marker.isOwnedBy(Fixtures.INSTALLATION)).isTrue();
        assertThat(marker.isOwnedBy(UUID.randomUUID())).isFalse();
    }

    @Test
    void expiresOnlyWhenAnExpiryIsSetAndPassed() {
        ManualClock clock = new ManualClock(Instant.parse("2025-01-01T11:00:00Z"));
        assertThat(marker.expired(clock)).isFalse();
        OwnershipMarker kept = marker.withExpiry(Instant.parse("2025-01-01T12:00:00Z"));
        assertThat(kept.expired(clock)).isFalse();
        clock.advance(Duration.ofHours(1));
        assertThat(kept.expired(clock)).isTrue();
    }

    @Test
    void neverHoldsMoreThanPveAllows() {
        OwnershipMarker huge = new OwnershipMarker(1, "i", "l", "c", "n", "o".repeat(9000), "b", CREATED, null);
        assertThatThrownBy(huge::format).hasMessageContaining("PVE allows 8192");
    }

    @Test
    void tagHelpersFollowPveTagLists() {
        assertThat(OwnershipMarker.hasTag("ci;nested-pve;x")).isTrue();
        assertThat(OwnershipMarker.hasTag("nested-pve-old")).isFalse();
        assertThat(OwnershipMarker.withTag("Template,ci")).isEqualTo("template;ci;nested-pve");
        assertThat(OwnershipMarker.withTag(null)).isEqualTo("nested-pve");
        assertThat(OwnershipMarker.TAG).matches("[a-z0-9_][a-z0-9_\\-+.]*");
    }
}
