package io.jenkins.plugins.nestedpve.sim.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.InetAddress;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PveCaTest {
    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final UUID CA_UUID = UUID.fromString("6f1e4c2a-9b3d-4e8f-a1c2-3d4e5f6a7b8c");
    private static KeyPair nodeKey;
    private static PveCa ca;
    private static InetAddress ip;

    @BeforeAll
    static void keys() throws Exception {
        RsaKeys keys = RsaKeys.pooled(2);
        ca = PveCa.create(keys.next(), CA_UUID, Clock.fixed(NOW, ZoneOffset.UTC));
        nodeKey = keys.next();
        ip = InetAddress.getByName("127.77.0.11");
    }

    @Test
    void caIsSelfSignedWithThePveSubject() {
        X509Certificate cert = ca.certificate();

        assertThat(Certificates.oneLine(cert.getSubjectX500Principal()))
                .isEqualTo("/CN=Proxmox Virtual Environment/OU=" + CA_UUID + "/O=PVE Cluster Manager CA");
        assertThat(cert.getIssuerX500Principal()).isEqualTo(cert.getSubjectX500Principal());
        assertThat(cert.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThatCode(() -> cert.verify(cert.getPublicKey())).doesNotThrowAnyException();
    }

    @Test
    void caIsValidTenYearsFromYesterday() {
        X509Certificate cert = ca.certificate();

        assertThat(cert.getNotBefore().toInstant()).isEqualTo(NOW.minus(Duration.ofDays(1)));
        assertThat(cert.getNotAfter().toInstant())
                .isEqualTo(NOW.minus(Duration.ofDays(1)).plus(Duration.ofDays(3650)));
    }

    @Test
    void nodeCertificateIsSignedByTheCaWithTheNodeSubject() {
        X509Certificate cert = ca.issue("pve1", ip, nodeKey).certificate();

        assertThat(Certificates.oneLine(cert.getSubjectX500Principal()))
                .isEqualTo("/OU=PVE Cluster Node/O=Proxmox Virtual Environment/CN=pve1");
        assertThat(cert.getBasicConstraints()).isEqualTo(-1);
        assertThatCode(() -> cert.verify(ca.certificate().getPublicKey())).doesNotThrowAnyException();
    }

    @Test
    void nodeCertificateNamesLoopbackNodeIpAndNodeName() {
        TlsIdentity id = ca.issue("pve1", ip, nodeKey);

        assertThat(CertificateInfo.describe(id.certificate(), "pve-ssl.pem").get("san"))
                .isEqualTo(List.of(
                        "127.0.0.1", "0000:0000:0000:0000:0000:0000:0000:0001", "localhost", "127.77.0.11", "pve1"));
    }

    @Test
    void searchDomainMakesTheCommonNameAnFqdn() {
        X509Certificate cert = ca.issue("pve1", "lab.example", ip, nodeKey).certificate();

        assertThat(Certificates.oneLine(cert.getSubjectX500Principal())).endsWith("/CN=pve1.lab.example");
        assertThat(CertificateInfo.describe(cert, "pve-ssl.pem").get("san").toString())
                .contains("pve1.lab.example");
    }

    @Test
    void nodeCertificateLastsTwoYearsFromYesterday() {
        X509Certificate cert = ca.issue("pve1", ip, nodeKey).certificate();

        assertThat(Duration.between(
                        cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant()))
                .isEqualTo(Duration.ofDays(730));
    }

    @Test
    void fingerprintIsTheUppercaseColonSeparatedSha256OfTheDerLeaf() throws Exception {
        TlsIdentity id = ca.issue("pve1", ip, nodeKey);
        byte[] digest =
                MessageDigest.getInstance("SHA-256").digest(id.certificate().getEncoded());

        assertThat(id.fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(id.fingerprint().replace(":", ""))
                .isEqualTo(HexFormat.of().withUpperCase().formatHex(digest));
    }

    @Test
    void reissuingWithTheSameKeyGivesANewFingerprint() {
        TlsIdentity a = ca.issue("pve1", ip, nodeKey);
        TlsIdentity b = ca.issue("pve1", ip, a.keyPair());

        assertThat(b.fingerprint()).isNotEqualTo(a.fingerprint());
        assertThat(b.certificate().getSerialNumber())
                .isNotEqualTo(a.certificate().getSerialNumber());
    }

    @Test
    void pemTextsHaveTheOpensslShapes() {
        TlsIdentity id = ca.issue("pve1", ip, nodeKey);

        assertThat(id.pem()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(id.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(ca.pem()).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void toStringNeverShowsTheKey() {
        TlsIdentity id = ca.issue("pve1", ip, nodeKey);
        String keyBody = id.privateKeyPem().lines().skip(1).findFirst().orElseThrow();

        assertThat(id.toString()).contains(id.fingerprint()).doesNotContain(keyBody);
        assertThat(ca.toString())
                .doesNotContain(ca.privateKeyPem().lines().skip(1).findFirst().orElseThrow());
    }

    @Test
    void certificateInfoDescribesTheServedCertificateLikePve() {
        TlsIdentity id = ca.issue("pve1", ip, nodeKey);

        var info = CertificateInfo.describe(id.certificate(), "pve-ssl.pem");

        assertThat(info)
                .containsEntry("filename", "pve-ssl.pem")
                .containsEntry("fingerprint", id.fingerprint())
                .containsEntry("issuer", Certificates.oneLine(ca.certificate().getSubjectX500Principal()))
                .containsEntry("public-key-type", "rsaEncryption")
                .containsEntry("public-key-bits", 2048)
                .containsEntry("notbefore", NOW.minus(Duration.ofDays(1)).getEpochSecond());
    }
}
