package io.jenkins.plugins.nestedpve.pve;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly one server certificate: the leaf whose SHA-256 fingerprint is pinned. PVE serves a
 * certificate signed by its own per-cluster CA (pve-facts §1.6), so PKIX validation against public
 * CAs cannot work; the pin is the only trust decision and it is stricter than a CA chain.
 *
 * <p>This class extends {@link X509ExtendedTrustManager} on purpose: JSSE then hands the
 * endpoint-identification (hostname) check to it instead of wrapping it. It does not check the host
 * name, because PVE certificates name the node and its IP, which the caller may not be using (an
 * SSH tunnel, a NAT address, a guest reached by a loopback alias); a pinned leaf fingerprint
 * already identifies the exact certificate, which is a stronger check than any name match. There
 * is no switch that trusts anything else.
 */
final class PinnedTrustManager extends ServerCertificateCheck {
    private final Fingerprint pinned;
    private final String host;
    private final int port;
    private volatile FingerprintMismatchException lastMismatch;

    PinnedTrustManager(Fingerprint pinned, String host, int port) {
        this.pinned = Objects.requireNonNull(pinned, "pinned");
        this.host = host;
        this.port = port;
    }

    @Override
    void checkServer(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("server presented no certificate");
        }
        Fingerprint actual = Fingerprint.of(chain[0]);
        if (!pinned.matches(actual)) {
            FingerprintMismatchException mismatch = new FingerprintMismatchException(host, port, pinned, actual);
            lastMismatch = mismatch;
            throw new PinMismatch(mismatch);
        }
    }

    /** The most recent pin mismatch, or null; a mismatch is permanent for an endpoint. */
    FingerprintMismatchException lastMismatch() {
        return lastMismatch;
    }

    /**
     * Carries the mismatch through JSSE, which wraps whatever the trust manager throws in an
     * SSLHandshakeException; the client unwraps it from the cause chain.
     */
    static final class PinMismatch extends CertificateException {
        private static final long serialVersionUID = 1L;

        PinMismatch(FingerprintMismatchException mismatch) {
            super(mismatch.getMessage(), mismatch);
        }

        FingerprintMismatchException mismatch() {
            return (FingerprintMismatchException) getCause();
        }
    }
}
