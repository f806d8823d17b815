package io.jenkins.plugins.nestedpve.sim.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A node's TLS identity: its certificate ({@code pve-ssl.pem}), private key ({@code pve-ssl.key})
 * and the CA that signed it. Immutable; a regenerated certificate is a new {@code TlsIdentity} with
 * a new {@link #fingerprint()}. {@link #toString()} never shows the private key.
 */
public final class TlsIdentity {
    // The key store exists only in memory; its password protects nothing and is not a secret.
    private static final char[] STORE_PASSWORD = "in-memory".toCharArray();

    private final X509Certificate certificate;
    private final KeyPair keyPair;
    private final X509Certificate caCertificate;
    private final String fingerprint;
    private volatile SSLContext sslContext;

    TlsIdentity(X509Certificate certificate, KeyPair keyPair, X509Certificate caCertificate) {
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        this.keyPair = Objects.requireNonNull(keyPair, "keyPair");
        this.caCertificate = Objects.requireNonNull(caCertificate, "caCertificate");
        this.fingerprint = Certificates.fingerprint(certificate);
    }

    /** The leaf certificate served by the node. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** The certificate of the CA that signed {@link #certificate()}. */
    public X509Certificate caCertificate() {
        return caCertificate;
    }

    /** The node key pair; pass it to {@link PveCa#issue} to reissue with the same key. */
    public KeyPair keyPair() {
        return keyPair;
    }

    /** SHA-256 of the DER leaf: 32 upper-case hex pairs joined by {@code :}. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The leaf certificate as PEM ({@code pve-ssl.pem}). */
    public String pem() {
        return Certificates.pem(certificate);
    }

    /** The node key as PKCS#8 PEM ({@code pve-ssl.key}). Secret: never log it. */
    public String privateKeyPem() {
        return Certificates.pem(keyPair.getPrivate());
    }

    /**
     * A server-side SSL context presenting this certificate. Like pveproxy with {@code pve-ssl.pem},
     * only the leaf is sent (the file holds no chain). Built once and cached.
     */
    public SSLContext sslContext() {
        SSLContext ctx = sslContext;
        if (ctx == null) {
            synchronized (this) {
                ctx = sslContext;
                if (ctx == null) {
                    ctx = buildContext();
                    sslContext = ctx;
                }
            }
        }
        return ctx;
    }

    private SSLContext buildContext() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("node", keyPair.getPrivate(), STORE_PASSWORD, new Certificate[] {certificate});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, STORE_PASSWORD);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the TLS context for " + this, e);
        }
    }

    @Override
    public String toString() {
        return "TlsIdentity[" + certificate.getSubjectX500Principal().getName() + ", fingerprint=" + fingerprint
                + ", key=**redacted**]";
    }
}
