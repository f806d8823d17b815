package io.jenkins.plugins.nestedpve.pve;

import io.jenkins.plugins.nestedpve.wait.Backoff;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which failed requests the client sends again, and how long it waits first. Pure decisions; the
 * client does the waiting through its injected {@code Sleeper}.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>Only idempotent requests are re-sent after a failure that may have reached PVE: GET; {@code
 *       DELETE /nodes/{node}/tasks/{upid}} (stopping a task twice is harmless); {@code POST
 *       /access/ticket} (a second login only issues another ticket); {@code POST .../agent/ping}; and {@code PUT .../config}
 *       without {@code digest} or {@code delete} (setting the same values twice gives the same
 *       config; with {@code digest} a re-send would fail on the changed checksum, with {@code delete}
 *       on the already removed key, so those count as non-idempotent).
 *   <li>Transient answers: 502, 503, 504 and PVE's proxy pseudo-statuses 595/596; and a 500 that is
 *       a lock timeout ({@code got timeout}, {@code got lock request timeout}). Any other 500 is
 *       PVE's deterministic error text ({@code die}) and is never retried.
 *   <li>Transport failures (connection refused or reset, timeouts) are transient, e.g. while
 *       pveproxy restarts after a cluster join.
 *   <li>A request whose connection could not even be established was never sent, so it is retried
 *       whatever its method: that is not a re-send.
 *   <li>Non-idempotent requests (clone, create, start, ...) are never re-sent after they may have
 *       been received; the client reports the ambiguous outcome instead ({@link
 *       PveAmbiguousOutcomeException}). A synchronous lock timeout on them is reported as a {@link
 *       PveLockedException} whose {@code isRetryableLockTimeout()} lets the caller retry.
 * </ul>
 *
 * @param maxAttempts total attempts including the first, at least 1
 * @param backoff delay before each retry
 */
public record RetryPolicy(int maxAttempts, Backoff backoff) {
    /** Four attempts, 1 s doubling up to 15 s. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Backoff.TRANSIENT);

    /** Never retry. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Backoff.TRANSIENT);

    private static final Pattern TASK_PATH = Pattern.compile("/nodes/[^/]+/tasks/[^/]+");
    private static final Pattern CONFIG_PATH = Pattern.compile("/nodes/[^/]+/(qemu|lxc)/\\d+/config");

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        Objects.requireNonNull(backoff, "backoff");
    }

    /** Whether sending this request twice has the same effect as sending it once. */
    public static boolean isIdempotent(String method, String path, Map<String, ?> params) {
        return switch (method) {
            case "GET" -> true;
            case "DELETE" -> TASK_PATH.matcher(path).matches();
            case "POST" -> path.equals("/access/ticket") || path.endsWith("/agent/ping");
            case "PUT" ->
                CONFIG_PATH.matcher(path).matches() && !params.containsKey("digest") && !params.containsKey("delete");
            default -> false;
        };
    }

    /** Whether PVE's error text says a lock could not be taken in time (nothing was started). */
    public static boolean isLockTimeout(String pveMessage) {
        return pveMessage != null
                && (pveMessage.contains("got lock request timeout")
                        || (pveMessage.startsWith("can't lock file") && pveMessage.contains("got timeout")));
    }

    /** Whether an answer with this status and text may succeed when asked again. */
    public static boolean isTransient(int status, String pveMessage) {
        return switch (status) {
            case 502, 503, 504, 595, 596 -> true;
            case 500 -> isLockTimeout(pveMessage);
            default -> false;
        };
    }

    /** Whether to retry after an HTTP error answer on attempt {@code attempt} (0 = first). */
    public boolean retryAnswer(boolean idempotent, int status, String pveMessage, int attempt) {
        return idempotent && attempt + 1 < maxAttempts && isTransient(status, pveMessage);
    }

    /** Whether to retry after a transport failure on attempt {@code attempt} (0 = first). */
    public boolean retryTransport(boolean idempotent, boolean nothingSent, int attempt) {
        return (idempotent || nothingSent) && attempt + 1 < maxAttempts;
    }

    /** The wait before retry number {@code attempt} (0 = the first retry). */
    public Duration delay(int attempt) {
        return backoff.delay(attempt);
    }
}
