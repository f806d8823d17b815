package io.jenkins.plugins.nestedpve.pve;

import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns PVE's error answers into the exception tree, with messages that say what to do next. The
 * text comes from {@code message} (whose first line PVE also uses as reason phrase); for the
 * empty-bodied 401 the status alone decides (pve-facts §1.3, §10.2).
 */
final class PveErrors {
    private static final Pattern VM_LOCKED = Pattern.compile("VM is locked \\(([^)]*)\\)");

    private PveErrors() {}

    /** The exception for an error answer, given who was asking. */
    static PveApiException toException(PveErrorResponse r, PveCredentials credentials) {
        String head = r.request() + ": " + r.httpStatus() + " " + r.text();
        return switch (r.httpStatus()) {
            case 401 -> new PveAuthException(authMessage(r, credentials), r);
            case 403 -> PermissionAdvice.exception(r, credentials);
            case 400 ->
                r.errors().isEmpty()
                        ? new PveApiException(head + ". Check the request parameters.", r)
                        : new PveValidationException(validationMessage(r), r);
            default -> bySubject(r, head);
        };
    }

    private static PveApiException bySubject(PveErrorResponse r, String head) {
        String text = r.text();
        if (RetryPolicy.isLockTimeout(text)) {
            return new PveLockedException(
                    head + ". Another task held the lock; nothing was started, so the same call may be"
                            + " retried after a short wait.",
                    r,
                    null,
                    true);
        }
        Matcher locked = VM_LOCKED.matcher(text);
        if (locked.find()) {
            return new PveLockedException(
                    head + ". A task (" + locked.group(1) + ") holds the VM: wait for it to finish (GET"
                            + " /nodes/{node}/tasks?vmid=...) before changing the VM; a stale lock is"
                            + " removed with `qm unlock <vmid>` on the host.",
                    r,
                    locked.group(1),
                    false);
        }
        if (text.contains("does not exist")) {
            return new PveNotFoundException(
                    head + ". Check the VMID and the node name (a VM's config lives on the node that"
                            + " runs it; GET /cluster/resources?type=vm shows where).",
                    r);
        }
        return new PveApiException(head + hint(r.httpStatus()), r);
    }

    private static String hint(int status) {
        return switch (status) {
            case 424 -> ". The node is not part of a cluster yet.";
            case 501 ->
                ". PVE does not know this path or method: check the PVE version"
                        + " (GET /version) against the API this tool needs (PVE 8.4 or 9.x).";
            case 595, 596 ->
                ". PVE could not reach the cluster node it forwards this request to; check"
                        + " that the node is online (GET /cluster/status).";
            case 502, 503, 504 -> ". The PVE API was temporarily unavailable (pveproxy restarting?).";
            default -> ".";
        };
    }

    private static String validationMessage(PveErrorResponse r) {
        StringJoiner j = new StringJoiner("; ");
        new TreeMap<>(r.errors()).forEach((k, v) -> j.add(k + ": " + v.strip()));
        return r.request() + ": 400 " + r.text().strip() + " " + j + ". Fix these parameters; PVE's API"
                + " schema (pve-docs api-viewer) lists the accepted formats.";
    }

    private static String authMessage(PveErrorResponse r, PveCredentials credentials) {
        String head = r.request() + ": 401 " + r.text() + ". PVE answers 401 with an empty body, so it does not"
                + " say why. ";
        if (r.path().equals("/access/ticket")) {
            return head + "The login as " + credentials.principal() + " was refused: check the user name"
                    + " (user@realm, e.g. root@pam) and the password.";
        }
        if (credentials instanceof PveCredentials.ApiToken t) {
            return head + "Check the token id and secret (" + t.fullTokenId() + "=<secret>), that the token"
                    + " and its user exist, are enabled and not expired (`pveum user token list "
                    + t.userid() + "`), and that this machine's clock is right. A node that joined a cluster"
                    + " has lost its own tokens.";
        }
        return head + "The ticket of " + credentials.principal() + " was refused even after a fresh login;"
                + " for write calls this also means a refused CSRF token. Check the clocks of this machine"
                + " and the node (tickets are time-stamped).";
    }

    /** Decodes {@code message} and {@code errors} from an error body (possibly empty or not JSON). */
    static PveErrorResponse decode(
            String method, String path, int status, com.fasterxml.jackson.databind.JsonNode body) {
        String message =
                body == null ? "" : Json.optString(body, "message").orElse("").strip();
        Map<String, String> errors = new TreeMap<>();
        if (body != null && body.get("errors") != null && body.get("errors").isObject()) {
            body.get("errors")
                    .properties()
                    .forEach(e -> errors.put(e.getKey(), e.getValue().asText()));
        }
        String reason = message.isEmpty()
                ? statusText(status)
                : message.lines().findFirst().orElse("");
        return new PveErrorResponse(method, path, status, reason, message, errors);
    }

    /** What an empty-bodied status means; {@code java.net.http} does not expose the reason phrase. */
    static String statusText(int status) {
        return switch (status) {
            case 401 -> "authentication failed";
            case 403 -> "permission denied";
            case 500 -> "internal error";
            case 501 -> "not implemented";
            case 502 -> "bad gateway";
            case 503 -> "service unavailable";
            case 504 -> "gateway timeout";
            case 595, 596 -> "cluster node unreachable";
            default -> "HTTP " + status;
        };
    }
}
