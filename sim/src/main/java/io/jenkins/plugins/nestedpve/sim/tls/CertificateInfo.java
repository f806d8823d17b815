package io.jenkins.plugins.nestedpve.sim.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of {@code GET /nodes/{node}/certificates/info}, shaped as pve-common:src/PVE/Certificate.pm
 * {@code get_certificate_info} returns it.
 */
public final class CertificateInfo {
    private CertificateInfo() {}

    /**
     * The info map of {@code cert} stored as {@code filename} (a basename such as {@code
     * pve-ssl.pem}): filename, fingerprint, subject, issuer (one-line format), notbefore, notafter
     * (epoch seconds), san (IPv6 as eight 4-digit groups), pem, public-key-type, public-key-bits.
     */
    public static Map<String, Object> describe(X509Certificate cert, String filename) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("filename", filename);
        info.put("fingerprint", Certificates.fingerprint(cert));
        info.put("subject", Certificates.oneLine(cert.getSubjectX500Principal()));
        info.put("issuer", Certificates.oneLine(cert.getIssuerX500Principal()));
        info.put("notbefore", cert.getNotBefore().toInstant().getEpochSecond());
        info.put("notafter", cert.getNotAfter().toInstant().getEpochSecond());
        info.put("san", sans(cert));
        info.put("pem", Certificates.pem(cert));
        info.put("public-key-type", cert.getPublicKey() instanceof RSAPublicKey ? "rsaEncryption" : "unknown");
        if (cert.getPublicKey() instanceof RSAPublicKey rsa) {
            info.put("public-key-bits", rsa.getModulus().bitLength());
        }
        return info;
    }

    private static List<String> sans(X509Certificate cert) {
        List<String> out = new ArrayList<>();
        Collection<List<?>> names;
        try {
            names = cert.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return out;
        }
        if (names == null) {
            return out;
        }
        for (List<?> name : names) {
            int type = (Integer) name.get(0);
            String value = String.valueOf(name.get(1));
            if (type == 2) {
                out.add(value);
            } else if (type == 7) {
                out.add(ipText(value));
            }
        }
        return out;
    }

    // Certificate.pm prints IPv6 SANs as eight zero-padded groups (unpack "H4" x 8).
    private static String ipText(String literal) {
        try {
            byte[] raw = InetAddress.getByName(literal).getAddress();
            if (raw.length == 4) {
                return literal;
            }
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < raw.length; i += 2) {
                if (i > 0) {
                    sb.append(':');
                }
                sb.append(String.format("%02x%02x", raw[i] & 0xff, raw[i + 1] & 0xff));
            }
            return sb.toString();
        } catch (UnknownHostException e) {
            return literal;
        }
    }
}
