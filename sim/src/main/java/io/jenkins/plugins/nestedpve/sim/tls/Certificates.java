package io.jenkins.plugins.nestedpve.sim.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/** Stateless helpers for certificates as PVE shows them: fingerprints, PEM text, one-line names. */
public final class Certificates {
    private Certificates() {}

    /**
     * The SHA-256 fingerprint of a certificate's DER encoding: 32 upper-case hex pairs joined by
     * {@code :}, as OpenSSL prints it and PVE compares it (pve-common:src/PVE/Certificate.pm).
     */
    public static String fingerprint(X509Certificate cert) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint certificate " + cert.getSubjectX500Principal(), e);
        }
    }

    /** Normalises a fingerprint for comparison (PVE upper-cases before comparing). */
    public static String normalizeFingerprint(String fingerprint) {
        return fingerprint.trim().toUpperCase(Locale.ROOT);
    }

    /** The certificate as a {@code -----BEGIN CERTIFICATE-----} PEM block. */
    public static String pem(X509Certificate cert) {
        return writePem(cert);
    }

    /**
     * The private key as an unencrypted PKCS#8 {@code -----BEGIN PRIVATE KEY-----} PEM block, as
     * {@code openssl genrsa} writes it. Secret: never log the result.
     */
    public static String pem(PrivateKey key) {
        try {
            return writePem(new JcaPKCS8Generator(key, null).generate());
        } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
            throw new IllegalStateException("cannot encode private key as PKCS#8", e);
        }
    }

    /**
     * A distinguished name in OpenSSL's {@code X509_NAME_oneline} format, in encoding order, e.g.
     * {@code /OU=PVE Cluster Node/O=Proxmox Virtual Environment/CN=pve1} — what {@code GET
     * /nodes/{node}/certificates/info} reports as {@code subject} and {@code issuer}.
     */
    public static String oneLine(X500Principal name) {
        StringBuilder sb = new StringBuilder();
        for (RDN rdn : X500Name.getInstance(name.getEncoded()).getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                String key = BCStyle.INSTANCE.oidToDisplayName(atv.getType());
                sb.append('/').append(key == null ? atv.getType().getId() : key);
                sb.append('=').append(atv.getValue().toString());
            }
        }
        return sb.toString();
    }

    private static String writePem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write PEM", e);
        }
        return out.toString();
    }
}
