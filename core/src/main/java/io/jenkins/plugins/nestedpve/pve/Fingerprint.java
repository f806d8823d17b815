package io.jenkins.plugins.nestedpve.pve;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A SHA-256 certificate fingerprint in PVE's form: 32 upper-case hex byte pairs separated by colons
 * ({@code AA:BB:...}), as OpenSSL prints it and as PVE compares it after upper-casing (pve-facts §1.6).
 *
 * @param value the normalised form
 */
public record Fingerprint(String value) implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Pattern COLON_FORM = Pattern.compile("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    private static final Pattern PLAIN_FORM = Pattern.compile("[0-9A-F]{64}");

    public Fingerprint {
        Objects.requireNonNull(value, "value");
        if (!COLON_FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not a normalised SHA-256 fingerprint: " + value);
        }
    }

    /** Whether {@code text} is already in PVE's form (upper case, colons): the one definition of that format. */
    public static boolean isNormalised(String text) {
        return text != null && COLON_FORM.matcher(text).matches();
    }

    /**
     * Parses {@code AA:BB:...} (32 pairs, either case) or 64 hex digits without colons, and
     * normalises to upper case with colons.
     *
     * @throws IllegalArgumentException with the expected format and where to read the value
     */
    public static Fingerprint parse(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        if (PLAIN_FORM.matcher(t).matches()) {
            t = String.join(":", t.split("(?<=\\G..)"));
        }
        if (!COLON_FORM.matcher(t).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a SHA-256 certificate fingerprint: expected 32"
                    + " hex byte pairs separated by colons (AA:BB:...:FF). Read it on the PVE host with"
                    + " `pvenode cert info` or from the 'ssl_fingerprint' of GET /nodes.");
        }
        return new Fingerprint(t);
    }

    /** The SHA-256 fingerprint of a certificate's DER encoding. */
    public static Fingerprint of(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return new Fingerprint(HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint certificate: " + e.getMessage(), e);
        }
    }

    /** Constant-time comparison, so a probing peer learns nothing from timing. */
    public boolean matches(Fingerprint other) {
        return other != null
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.US_ASCII), other.value.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return value;
    }
}
