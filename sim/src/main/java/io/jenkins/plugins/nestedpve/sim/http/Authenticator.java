package io.jenkins.plugins.nestedpve.sim.http;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Authenticates one request as pve-manager:PVE/HTTPServer.pm {@code auth_handler} does: the ticket
 * from the {@code PVEAuthCookie} cookie, else from {@code Authorization: PVEAuthCookie=...}, else an
 * API token from {@code Authorization: PVEAPIToken=...} (or with a space); CSRF header for every
 * non-GET ticket request; a few calls need no authentication at all.
 */
final class Authenticator {
    static final String COOKIE = "PVEAuthCookie";
    static final String TOKEN = "PVEAPIToken";

    /**
     * The outcome. {@code failure} is the 401 reason when authentication failed; {@code principal}
     * is {@code null} for the calls that need none; {@code apiToken} says whether a token header was
     * presented (PVE refuses {@code allowtoken: 0} methods then, even unauthenticated ones).
     */
    record Outcome(Principal principal, boolean apiToken, String failure) {
        boolean failed() {
            return failure != null;
        }
    }

    private static final Set<String> OPEN_CALLS = Set.of(
            "GET /access/domains",
            "GET /access/ticket",
            "POST /access/ticket",
            "POST /access/vncticket",
            "POST /access/openid/login",
            "POST /access/openid/auth-url");
    // pve-access-control:src/PVE/AccessControl.pm $token_full_regex (user, realm, token name)
    private static final Pattern TOKEN_ID =
            Pattern.compile("^([^\\s:/]+@[A-Za-z][A-Za-z0-9.\\-_]+)!([A-Za-z][A-Za-z0-9.\\-_]+)$");
    private static final Pattern TOKEN_VALUE = Pattern.compile("^(.*)=(.*)$");
    private static final Pattern UPLOAD = Pattern.compile("^/nodes/([^/]+)/storage/([^/]+)/upload$");

    static final String NO_TICKET = "No ticket";
    static final String FAILED = "Authentication failed!";
    static final String BAD_CSRF = "Permission denied - invalid csrf token";

    private final TicketCodec codec;

    Authenticator(TicketCodec codec) {
        this.codec = codec;
    }

    Outcome authenticate(String method, String relUri, HttpRequest request, AuthBackend backend) {
        String authorization = request.header("Authorization");
        String ticket = extractAuthValue(request.header("Cookie"), COOKIE);
        if (ticket == null) {
            ticket = extractAuthValue(authorization, COOKIE);
        }
        String apiToken = ticket == null ? extractAuthValue(authorization, TOKEN) : null;
        boolean token = apiToken != null;
        if (OPEN_CALLS.contains(method + " " + relUri)) {
            return new Outcome(null, token, null);
        }
        if (token) {
            return verifyToken(apiToken, backend)
                    .map(p -> new Outcome(p, true, null))
                    .orElseGet(() -> new Outcome(null, true, FAILED));
        }
        if (ticket == null) {
            return new Outcome(null, false, NO_TICKET);
        }
        Optional<String> user = codec.verifyTicket(ticket, backend.authKey());
        if (user.isEmpty()) {
            return new Outcome(null, false, FAILED);
        }
        Principal principal = new Principal(user.get(), null);
        boolean upload = method.equals("POST") && UPLOAD.matcher(relUri).matches();
        if (!method.equals("GET") && !upload) {
            String csrf = request.header("CSRFPreventionToken");
            if (!codec.verifyCsrf(csrf, user.get(), backend.authKey())) {
                return new Outcome(principal, false, BAD_CSRF);
            }
        }
        return new Outcome(principal, false, null);
    }

    // AccessControl.pm verify_token: the token id is everything before the LAST '='.
    private static Optional<Principal> verifyToken(String apiToken, AuthBackend backend) {
        Matcher v = TOKEN_VALUE.matcher(apiToken);
        if (!v.matches()) {
            return Optional.empty();
        }
        Matcher id = TOKEN_ID.matcher(v.group(1));
        if (!id.matches()) {
            return Optional.empty();
        }
        return backend.verifyToken(id.group(1), id.group(2), v.group(2));
    }

    /**
     * pve-http-server:src/PVE/APIServer/Formatter.pm {@code extract_auth_value}: the text after
     * {@code key=} or {@code key } (at the start or after white space) up to the next {@code ;},
     * URI-unescaped; {@code null} when absent or empty.
     */
    static String extractAuthValue(String header, String key) {
        if (header == null) {
            return null;
        }
        Matcher m = Pattern.compile("(?:^|\\s)" + Pattern.quote(key) + "(?:=| )([^;]*)")
                .matcher(header);
        if (!m.find() || m.group(1).isEmpty()) {
            return null;
        }
        String value = FormDecoder.unescapePath(m.group(1));
        return value.isEmpty() || value.equals("0") ? null : value; // Perl truthiness
    }
}
