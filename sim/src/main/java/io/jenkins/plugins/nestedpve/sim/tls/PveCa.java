package io.jenkins.plugins.nestedpve.sim.tls;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A PVE cluster CA ({@code /etc/pve/pve-root-ca.pem}): self-signed, subject {@code CN=Proxmox
 * Virtual Environment, OU=<uuid>, O=PVE Cluster Manager CA}, 3650 days, issuing node certificates
 * ({@code pve-ssl.pem}) as pve-cluster:src/PVE/Cluster/Setup.pm {@code gen_pveca_cert} and {@code
 * gen_pve_ssl_cert} do. Deviation: the CA key is RSA-2048, not 4096 (see {@link RsaKeys}).
 *
 * <p>Thread-safe. {@link #toString()} never shows the private key.
 */
public final class PveCa {
    /** CA validity (Setup.pm: {@code -days 3650}). */
    static final Duration CA_VALIDITY = Duration.ofDays(3650);
    /** Node certificates last at most two years (Setup.pm). */
    static final Duration MAX_NODE_VALIDITY = Duration.ofDays(2 * 365);
    /** PVE runs openssl under {@code faketime yesterday} (bug #904): validity starts a day early. */
    static final Duration BACKDATE = Duration.ofDays(1);

    private static final String SIGNATURE = "SHA256withRSA";

    private final KeyPair keyPair;
    private final X509Certificate certificate;
    private final UUID uuid;
    private final Clock clock;
    // Setup.pm starts the openssl serial file at 0; openssl increments before use.
    private final AtomicLong serial = new AtomicLong();

    private PveCa(KeyPair keyPair, X509Certificate certificate, UUID uuid, Clock clock) {
        this.keyPair = keyPair;
        this.certificate = certificate;
        this.uuid = uuid;
        this.clock = clock;
    }

    /** A new CA with a fresh key from {@code keys} and a random UUID in its subject. */
    public static PveCa generate(RsaKeys keys, Clock clock) {
        return create(keys.next(), UUID.randomUUID(), clock);
    }

    /** A new self-signed CA over the given key pair. */
    public static PveCa create(KeyPair keyPair, UUID uuid, Clock clock) {
        Objects.requireNonNull(keyPair, "keyPair");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(clock, "clock");
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, "Proxmox Virtual Environment")
                .addRDN(BCStyle.OU, uuid.toString())
                .addRDN(BCStyle.O, "PVE Cluster Manager CA")
                .build();
        Instant notBefore = clock.instant().minus(BACKDATE);
        BigInteger serialNo = BigInteger.valueOf(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                subject,
                serialNo,
                Date.from(notBefore),
                Date.from(notBefore.plus(CA_VALIDITY)),
                subject,
                keyPair.getPublic());
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keyPair.getPublic()));
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the PVE CA certificate", e);
        }
        return new PveCa(keyPair, sign(b, keyPair), uuid, clock);
    }

    /**
     * Issues a node certificate ({@code pve-ssl.pem}) for {@code node} without a search domain.
     *
     * @see #issue(String, String, InetAddress, KeyPair)
     */
    public TlsIdentity issue(String node, InetAddress ip, KeyPair nodeKey) {
        return issue(node, null, ip, nodeKey);
    }

    /**
     * Issues a node certificate: subject {@code OU=PVE Cluster Node, O=Proxmox Virtual Environment,
     * CN=<node>[.<searchDomain>]}, SANs 127.0.0.1, ::1, localhost, {@code ip}, {@code node} (and the
     * FQDN), basicConstraints CA:FALSE, extendedKeyUsage serverAuth, a new serial number. Reissuing
     * with the same {@code nodeKey} (as {@code pvecm updatecerts --force} does when the key file
     * exists) still yields a new fingerprint.
     *
     * @param searchDomain the resolv.conf search domain, or {@code null}
     */
    public TlsIdentity issue(String node, String searchDomain, InetAddress ip, KeyPair nodeKey) {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(nodeKey, "nodeKey");
        String fqdn = searchDomain == null || searchDomain.isEmpty() ? node : node + "." + searchDomain;
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.OU, "PVE Cluster Node")
                .addRDN(BCStyle.O, "Proxmox Virtual Environment")
                .addRDN(BCStyle.CN, fqdn)
                .build();
        Instant notBefore = clock.instant().minus(BACKDATE);
        Instant notAfter = notBefore.plus(nodeValidity(notBefore));
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                certificate,
                BigInteger.valueOf(serial.incrementAndGet()),
                Date.from(notBefore),
                Date.from(notAfter),
                subject,
                nodeKey.getPublic());
        try {
            addNodeExtensions(b, nodeKey.getPublic(), sans(node, fqdn, ip));
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the certificate of node " + node, e);
        }
        return new TlsIdentity(sign(b, keyPair), nodeKey, certificate);
    }

    // Setup.pm: days left on the CA minus 2, capped at two years.
    private Duration nodeValidity(Instant notBefore) {
        Duration left = Duration.between(notBefore, certificate.getNotAfter().toInstant())
                .minusDays(2);
        return left.compareTo(MAX_NODE_VALIDITY) > 0 ? MAX_NODE_VALIDITY : left;
    }

    private void addNodeExtensions(X509v3CertificateBuilder b, PublicKey nodeKey, GeneralNames sans)
            throws CertIOException, GeneralSecurityException {
        JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
        b.addExtension(Extension.basicConstraints, false, new BasicConstraints(false));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        b.addExtension(Extension.subjectAlternativeName, false, sans);
        b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(nodeKey));
        b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(certificate));
    }

    private static GeneralNames sans(String node, String fqdn, InetAddress ip) {
        List<GeneralName> names = new ArrayList<>();
        names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        names.add(new GeneralName(GeneralName.iPAddress, "::1"));
        names.add(new GeneralName(GeneralName.dNSName, "localhost"));
        names.add(new GeneralName(GeneralName.iPAddress, ip.getHostAddress()));
        names.add(new GeneralName(GeneralName.dNSName, node));
        if (!fqdn.equals(node)) {
            names.add(new GeneralName(GeneralName.dNSName, fqdn));
        }
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer) {
        try {
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(signer.getPrivate())));
        } catch (OperatorCreationException | java.security.cert.CertificateException e) {
            throw new IllegalStateException("cannot sign certificate", e);
        }
    }

    /** The CA certificate ({@code pve-root-ca.pem}). */
    public X509Certificate certificate() {
        return certificate;
    }

    /** The UUID in the CA subject's OU. */
    public UUID uuid() {
        return uuid;
    }

    /** The CA certificate as PEM. */
    public String pem() {
        return Certificates.pem(certificate);
    }

    /** The CA certificate's SHA-256 fingerprint. */
    public String fingerprint() {
        return Certificates.fingerprint(certificate);
    }

    /** The CA key as PKCS#8 PEM ({@code /etc/pve/priv/pve-root-ca.key}). Secret: never log it. */
    public String privateKeyPem() {
        return Certificates.pem(keyPair.getPrivate());
    }

    @Override
    public String toString() {
        return "PveCa[" + uuid + ", fingerprint=" + fingerprint() + ", key=**redacted**]";
    }
}
