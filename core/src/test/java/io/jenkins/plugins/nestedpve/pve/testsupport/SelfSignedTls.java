package io.jenkins.plugins.nestedpve.pve.testsupport;

import io.jenkins.plugins.nestedpve.pve.Fingerprint;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A self-signed server certificate made in memory (EC P-256: fast to generate) and its SSLContext. */
public final class SelfSignedTls {
    private final X509Certificate certificate;
    private final SSLContext serverContext;

    private SelfSignedTls(X509Certificate certificate, SSLContext serverContext) {
        this.certificate = certificate;
        this.serverContext = serverContext;
    }

    /** A certificate for {@code CN=<commonName>}, like a PVE node certificate names its node. */
    public static SelfSignedTls generate(String commonName) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair kp = g.generateKeyPair();
            X500Name name = new X500Name("CN=" + commonName + ", OU=PVE Cluster Node, O=Proxmox Virtual Environment");
            Instant now = Instant.now();
            X509Certificate cert = new JcaX509CertificateConverter()
                    .getCertificate(new JcaX509v3CertificateBuilder(
                                    name,
                                    BigInteger.valueOf(now.toEpochMilli()),
                                    Date.from(now.minus(Duration.ofDays(1))),
                                    Date.from(now.plus(Duration.ofDays(365))),
                                    name,
                                    kp.getPublic())
                            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())));
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            char[] pw = "test".toCharArray();
            ks.setKeyEntry("server", kp.getPrivate(), pw, new X509Certificate[] {cert});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, pw);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return new SelfSignedTls(cert, ctx);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a test certificate", e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public Fingerprint fingerprint() {
        return Fingerprint.of(certificate);
    }

    public SSLContext serverContext() {
        return serverContext;
    }
}
