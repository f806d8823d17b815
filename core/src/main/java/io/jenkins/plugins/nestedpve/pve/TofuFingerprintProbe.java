package io.jenkins.plugins.nestedpve.pve;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * Trust on first use: reads the fingerprint of the TLS leaf certificate a server presents, WITHOUT
 * trusting it. The handshake is aborted as soon as the certificate is seen, so no request and no
 * credential is ever sent over the connection.
 *
 * <p>Use it only to show an operator what to pin ({@code doctor}); nothing that sends credentials
 * relies on it. Provisioning reads a guest's certificate over its pinned SSH session instead.
 * Everything connects through {@link PveClient} with a pinned fingerprint.
 */
public final class TofuFingerprintProbe {
    private TofuFingerprintProbe() {}

    /**
     * Connects to {@code host:port}, reads the presented leaf certificate and returns its SHA-256
     * fingerprint, to be pinned by the caller.
     *
     * @param timeout bound for the TCP connect and for the handshake
     * @throws PveTransportException when nothing could be read (refused, timeout, not TLS)
     */
    public static Fingerprint readServedFingerprint(String host, int port, Duration timeout) {
        AtomicReference<X509Certificate> seen = new AtomicReference<>();
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        try (Socket raw = new Socket()) {
            raw.connect(new InetSocketAddress(host, port), millis);
            raw.setSoTimeout(millis);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new CapturingRefuser(seen)}, null);
            try (SSLSocket tls = (SSLSocket) ctx.getSocketFactory().createSocket(raw, host, port, false)) {
                tls.startHandshake();
            } catch (SSLException expected) {
                // the refuser always aborts the handshake; the certificate was captured before that
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new PveTransportException(
                    "could not read the TLS certificate of " + host + ":" + port + ": " + e.getMessage()
                            + ". Check that PVE (pveproxy) listens there.",
                    "TLS",
                    host + ":" + port,
                    true,
                    e);
        }
        X509Certificate leaf = seen.get();
        if (leaf == null) {
            throw new PveTransportException(
                    host + ":" + port + " presented no TLS certificate; is it a PVE API port?",
                    "TLS",
                    host + ":" + port,
                    true,
                    null);
        }
        return Fingerprint.of(leaf);
    }

    /** Records the server's leaf certificate and refuses it: this trust manager never trusts. */
    private static final class CapturingRefuser extends ServerCertificateCheck {
        private final AtomicReference<X509Certificate> seen;

        CapturingRefuser(AtomicReference<X509Certificate> seen) {
            this.seen = seen;
        }

        @Override
        void checkServer(X509Certificate[] chain) throws CertificateException {
            if (chain != null && chain.length > 0) {
                seen.set(chain[0]);
            }
            throw new CertificateException("fingerprint probe: certificate read, connection not trusted");
        }
    }
}
