package io.jenkins.plugins.nestedpve.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LifecycleValuesTest {
    @Test
    void pemWithoutACertificateGivesNoFingerprint() {
        assertThat(Pem.firstCertificateFingerprint("not a certificate")).isEmpty();
        assertThat(Pem.firstCertificateFingerprint("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"))
                .isEmpty();
    }
}
