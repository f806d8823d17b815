package io.jenkins.plugins.nestedpve.pve;

import io.jenkins.plugins.nestedpve.NestedPveException;
import java.util.Map;

/**
 * PVE answered a request with an HTTP error status. Subclasses name the cases the tool reacts to
 * (authentication, permission, validation, missing VM, lock); this class covers the rest (e.g. a
 * 500 {@code VM 100 is running - destroy failed}, a 501 unknown path, a 595 proxy failure).
 *
 * <p>The message names method, path and status, quotes PVE's text and says what to do next. It never
 * contains credentials.
 */
public class PveApiException extends NestedPveException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String reason;
    private final String method;
    private final String path;
    private final Map<String, String> pveErrors;
    private final String pveMessage;

    /**
     * @param message the full, user-facing message
     * @param response what PVE answered
     */
    public PveApiException(String message, PveErrorResponse response) {
        super(message);
        this.httpStatus = response.httpStatus();
        this.reason = response.reason();
        this.method = response.method();
        this.path = response.path();
        this.pveErrors = response.errors();
        this.pveMessage = response.message();
    }

    /** The HTTP status code, e.g. 500. */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * The reason text: PVE's reason phrase is the first line of {@code message}; for an empty body
     * (401) it is a description of the status, since {@code java.net.http} does not expose the
     * phrase.
     */
    public String reason() {
        return reason;
    }

    /** The HTTP method of the failed request. */
    public String method() {
        return method;
    }

    /** The API path below {@code /api2/json} of the failed request. */
    public String path() {
        return path;
    }

    /** PVE's per-parameter {@code errors} map (400), empty otherwise; immutable. */
    public Map<String, String> pveErrors() {
        return pveErrors;
    }

    /** PVE's {@code message} with the trailing newline removed, or "" when the body had none. */
    public String pveMessage() {
        return pveMessage;
    }

    /**
     * Whether this is a synchronous lock timeout ({@code can't lock file ... got timeout} or {@code
     * cfs-lock ... got lock request timeout}): nothing was started, so the caller may retry the same
     * call after a backoff.
     */
    public boolean isRetryableLockTimeout() {
        return false;
    }
}
