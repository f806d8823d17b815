package io.jenkins.plugins.nestedpve.sim.http;

import io.jenkins.plugins.nestedpve.sim.tls.Certificates;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** Test-only TLS trust: accepts exactly one leaf certificate, named by its SHA-256 fingerprint. */
final class PinnedTrust implements X509TrustManager {
    private final String fingerprint;

    private PinnedTrust(String fingerprint) {
        this.fingerprint = Certificates.normalizeFingerprint(fingerprint);
    }

    /** A client SSL context that trusts only the server whose leaf has {@code fingerprint}. */
    static SSLContext context(String fingerprint) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new PinnedTrust(fingerprint)}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("server sent no certificate");
        }
        String actual = Certificates.fingerprint(chain[0]);
        if (!actual.equals(fingerprint)) {
            throw new CertificateException("server certificate " + actual + " is not the pinned " + fingerprint);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("client certificates are not used");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
