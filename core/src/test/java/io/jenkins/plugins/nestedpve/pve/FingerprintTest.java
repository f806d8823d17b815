package io.jenkins.plugins.nestedpve.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FingerprintTest {
    private static final String UPPER =
            "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";

    @Test
    void normalisesLowerCaseToUpperCase() {
        assertThat(Fingerprint.parse(UPPER.toLowerCase()).value()).isEqualTo(UPPER);
    }

    @Test
    void acceptsHexWithoutColons() {
        assertThat(Fingerprint.parse(UPPER.replace(":", ""))).isEqualTo(Fingerprint.parse(UPPER));
    }

    @Test
    void rejectsAShortValueSayingWhereToReadIt() {
        assertThatThrownBy(() -> Fingerprint.parse("AB:CD"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 hex byte pairs")
                .hasMessageContaining("pvenode cert info");
    }

    @Test
    void matchesOnlyTheSameValue() {
        Fingerprint a = Fingerprint.parse(UPPER);

        assertThat(a.matches(Fingerprint.parse(UPPER.toLowerCase()))).isTrue();
        assertThat(a.matches(Fingerprint.parse(UPPER.replace("AB:CD:EF:01", "AB:CD:EF:02"))))
                .isFalse();
    }
}
