package io.jenkins.plugins.nestedpve.pve;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The authentication headers of one client. A token is a fixed header; a ticket is obtained with
 * {@code POST /access/ticket}, sent as the {@code PVEAuthCookie} cookie plus a {@code
 * CSRFPreventionToken} header on every non-GET request, and replaced by a fresh login before its
 * 2 h lifetime ends or after PVE refused it (pve-facts §1.4). Thread-safe.
 */
final class AuthSession {
    /** A ticket and its CSRF token; never logged. */
    record Ticket(String ticket, String csrfToken, Instant issued) {
        @Override
        public String toString() {
            return "Ticket[issued " + issued + ", ****]";
        }
    }

    private final PveCredentials credentials;
    private final Clock clock;
    private final Duration renewAfter;
    private final Object lock = new Object();
    private Ticket ticket;

    AuthSession(PveCredentials credentials, Clock clock, Duration renewAfter) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.renewAfter = Objects.requireNonNull(renewAfter, "renewAfter");
    }

    PveCredentials credentials() {
        return credentials;
    }

    /** Whether a refused request may be repeated once after a fresh login. */
    boolean canRelogin() {
        return credentials instanceof PveCredentials.PasswordTicket;
    }

    /**
     * The headers for a request, logging in first (through {@code login}) when there is no ticket
     * yet or it is older than the renewal age.
     */
    Map<String, String> headers(String method, Function<PveCredentials.PasswordTicket, Ticket> login) {
        if (credentials instanceof PveCredentials.ApiToken token) {
            return Map.of("Authorization", token.authorizationHeader());
        }
        Ticket t = current(login);
        Map<String, String> h = new LinkedHashMap<>();
        // PVE URI-unescapes the cookie value; escaping it keeps '+', '=' and ':' intact everywhere
        h.put("Cookie", "PVEAuthCookie=" + PveEncoding.component(t.ticket()));
        if (!method.equals("GET")) {
            h.put("CSRFPreventionToken", t.csrfToken());
        }
        return h;
    }

    private Ticket current(Function<PveCredentials.PasswordTicket, Ticket> login) {
        synchronized (lock) {
            if (ticket == null || !clock.instant().isBefore(ticket.issued().plus(renewAfter))) {
                ticket = Objects.requireNonNull(login.apply((PveCredentials.PasswordTicket) credentials), "ticket");
            }
            return ticket;
        }
    }

    /** Forgets the ticket so that the next request logs in again. */
    void invalidate() {
        synchronized (lock) {
            ticket = null;
        }
    }

    /** When the current ticket was issued, for tests and diagnostics; null before the first login. */
    Instant ticketIssued() {
        synchronized (lock) {
            return ticket == null ? null : ticket.issued();
        }
    }
}
