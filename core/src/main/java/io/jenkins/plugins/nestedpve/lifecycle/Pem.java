package io.jenkins.plugins.nestedpve.lifecycle;

import io.jenkins.plugins.nestedpve.pve.Fingerprint;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Optional;

/** Reads the first X.509 certificate of a PEM text (as {@code cat pve-ssl.pem} prints it). */
public final class Pem {
    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String END = "-----END CERTIFICATE-----";

    private Pem() {}

    /** The SHA-256 fingerprint of the first certificate in {@code pem}; empty when there is none. */
    public static Optional<Fingerprint> firstCertificateFingerprint(String pem) {
        int b = pem.indexOf(BEGIN);
        int e = pem.indexOf(END, Math.max(b, 0));
        if (b < 0 || e < 0) {
            return Optional.empty();
        }
        String block = pem.substring(b, e + END.length());
        try {
            CertificateFactory f = CertificateFactory.getInstance("X.509");
            X509Certificate cert = (X509Certificate)
                    f.generateCertificate(new ByteArrayInputStream(block.getBytes(StandardCharsets.US_ASCII)));
            return Optional.of(Fingerprint.of(cert));
        } catch (CertificateException | ClassCastException ex) {
            return Optional.empty();
        }
    }
}
