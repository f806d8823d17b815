package io.jenkins.plugins.nestedpve.sim.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and verifies PVE authentication tickets and CSRF prevention tokens
 * (pve-common:src/PVE/Ticket.pm, pve-access-control:src/PVE/AccessControl.pm).
 *
 * <p>Ticket: {@code PVE:<userid with ':' escaped>:<8 upper-case hex unix time>::<base64 signature>},
 * valid from 5 minutes in the future to 2 hours in the past. Deviation: PVE signs with the RSA
 * {@code authkey.key}; the simulator signs with HMAC-SHA256 over {@link AuthBackend#authKey()}, which
 * keeps the contract that matters to clients: a new auth key invalidates every earlier ticket.
 *
 * <p>CSRF token: {@code <8 hex time>:<43-char unpadded base64 HMAC-SHA256 of "time:userid">}, keyed
 * by a secret derived from the auth key (PVE derives it from {@code pve-www.key}, which a join also
 * replaces).
 */
final class TicketCodec {
    /** PVE's {@code $ticket_lifetime}. */
    static final Duration LIFETIME = Duration.ofHours(2);
    /** PVE's {@code $auth_graceperiod}: tickets up to this far in the future are accepted. */
    static final Duration GRACE = Duration.ofMinutes(5);

    private static final Pattern TICKET = Pattern.compile("^(PVE:\\S+)::([^:\\s]+)$");
    private static final Pattern PLAIN = Pattern.compile("^PVE:(?:(\\S+):)?([A-Z0-9]{8})$");
    private static final Pattern CSRF = Pattern.compile("^([A-Z0-9]{8}):(\\S+)$");
    /** pve-access-control:src/PVE/Auth/Plugin.pm {@code verify_username}. */
    static final Pattern USERID = Pattern.compile("^[^\\s:/]+@[A-Za-z][A-Za-z0-9.\\-_]+$");

    private final Clock clock;

    TicketCodec(Clock clock) {
        this.clock = clock;
    }

    /** A new ticket for {@code userid}, signed with {@code authKey}. */
    String issueTicket(String userid, byte[] authKey) {
        String plain = "PVE:" + userid.replace(":", "%3A") + ":" + timestamp();
        return plain + "::" + Base64.getEncoder().encodeToString(hmac(authKey, plain));
    }

    /** The user id of a valid, unexpired ticket signed with {@code authKey}, else empty. */
    Optional<String> verifyTicket(String ticket, byte[] authKey) {
        if (ticket == null) {
            return Optional.empty();
        }
        Matcher t = TICKET.matcher(ticket);
        if (!t.matches()) {
            return Optional.empty();
        }
        byte[] expected =
                Base64.getEncoder().encodeToString(hmac(authKey, t.group(1))).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, t.group(2).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        Matcher p = PLAIN.matcher(t.group(1));
        if (!p.matches() || p.group(1) == null || !fresh(p.group(2))) {
            return Optional.empty();
        }
        String userid = FormDecoder.unescapePath(p.group(1));
        return USERID.matcher(userid).matches() ? Optional.of(userid) : Optional.empty();
    }

    /** A CSRF prevention token bound to {@code userid}. */
    String issueCsrf(String userid, byte[] authKey) {
        String ts = timestamp();
        return ts + ":" + csrfSignature(ts, userid, authKey);
    }

    /** Whether {@code token} is a valid, unexpired CSRF token for {@code userid}. */
    boolean verifyCsrf(String token, String userid, byte[] authKey) {
        if (token == null) {
            return false;
        }
        Matcher m = CSRF.matcher(token);
        if (!m.matches() || !fresh(m.group(1))) {
            return false;
        }
        byte[] expected = csrfSignature(m.group(1), userid, authKey).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, m.group(2).getBytes(StandardCharsets.US_ASCII));
    }

    private String csrfSignature(String ts, String userid, byte[] authKey) {
        // Digest::SHA's *_base64 functions omit the padding: 43 characters for 32 bytes.
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        byte[] secret = b64.encodeToString(hmac(authKey, "pve-www-key")).getBytes(StandardCharsets.US_ASCII);
        return b64.encodeToString(hmac(secret, ts + ":" + userid));
    }

    // Ticket.pm: ($age > $min_age) && ($age < $max_age), min = -grace, max = lifetime.
    private boolean fresh(String hexTime) {
        long issued;
        try {
            issued = Long.parseLong(hexTime, 16);
        } catch (NumberFormatException e) {
            return false;
        }
        long age = clock.instant().getEpochSecond() - issued;
        return age > -GRACE.toSeconds() && age < LIFETIME.toSeconds();
    }

    private String timestamp() {
        return String.format(Locale.ROOT, "%08X", clock.instant().getEpochSecond());
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
