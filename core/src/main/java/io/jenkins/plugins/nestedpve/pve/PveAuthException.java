package io.jenkins.plugins.nestedpve.pve;

/**
 * 401: PVE rejected the credentials. PVE answers 401 with an empty body after a 3 s delay, so the
 * message explains what to check rather than quoting PVE (pve-facts §1.3).
 */
public class PveAuthException extends PveApiException {
    private static final long serialVersionUID = 1L;

    public PveAuthException(String message, PveErrorResponse response) {
        super(message, response);
    }
}
