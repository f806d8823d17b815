package io.jenkins.plugins.nestedpve.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MarkerSignatureTest {
    private static final Instant CREATED = Instant.parse("2025-01-01T10:00:00Z");
    private final MarkerKey key = MarkerKey.generate();
    private final OwnershipMarker signed = OwnershipMarker.forNode(
                    Fixtures.spec().build(), "lease-1", "np-ci-42-n1", 80000, CREATED)
            .signedWith(key);

    private static OwnershipMarker reparsed(String description) {
        return OwnershipMarker.parse(description).orElseThrow();
    }

    @Test
    void aSignedMarkerVerifiesForItsOwnVmidAfterARoundTrip() {
        assertThat(reparsed(signed.format()).verifiedFor(80000, key)).isTrue();
    }

    @Test
    void aMarkerCopiedOntoAnotherVmidDoesNotVerify() {
        assertThat(reparsed(signed.format()).verifiedFor(80001, key)).isFalse();
    }

    @Test
    void aRetargetedMarkerDoesNotVerify() {
        String retargeted = signed.format().replace("\"vmid\":80000", "\"vmid\":80001");
        assertThat(reparsed(retargeted).verifiedFor(80001, key)).isFalse();
    }

    @Test
    void anEditedMarkerDoesNotVerify() {
        String edited = signed.format().replace("lease-1", "lease-2");
        assertThat(reparsed(edited).verifiedFor(80000, key)).isFalse();
    }

    @Test
    void anUnsignedMarkerDoesNotVerify() {
        String unsigned = signed.format().replaceAll(",\"sig\":\"[^\"]*\"", "");
        assertThat(reparsed(unsigned).signed()).isFalse();
        assertThat(reparsed(unsigned).verifiedFor(80000, key)).isFalse();
    }

    @Test
    void anotherInstallationsKeyDoesNotVerify() {
        assertThat(signed.verifiedFor(80000, MarkerKey.generate())).isFalse();
    }

    @Test
    void anExpiryWrittenAndSignedAgainStillVerifies() {
        OwnershipMarker kept =
                signed.withExpiry(Instant.parse("2025-01-01T12:00:00Z")).signedWith(key);
        assertThat(reparsed(kept.format()).verifiedFor(80000, key)).isTrue();
        assertThat(signed.withExpiry(Instant.parse("2025-01-01T12:00:00Z")).signed())
                .isFalse();
    }

    @Test
    void theKeyRoundTripsThroughItsEncodingAndNeverShowsItself() {
        assertThat(MarkerKey.decode(key.encoded())).isEqualTo(key);
        assertThat(key.toString()).doesNotContain(key.encoded()).contains("****");
        assertThat(signed.format()).doesNotContain(key.encoded());
    }

    @Test
    void aShortOrBrokenKeyIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> MarkerKey.decode("c2hvcnQ="))
                .hasMessageContaining("32 bytes")
                .hasMessageNotContaining("c2hvcnQ=");
        assertThatThrownBy(() -> MarkerKey.decode("%%%notbase64")).hasMessageNotContaining("notbase64");
    }
}
