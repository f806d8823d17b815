package io.jenkins.plugins.nestedpve.pve;

/**
 * 400 {@code Parameter verification failed.}: PVE's schema check rejected a parameter; {@link
 * #pveErrors()} maps each offending parameter to PVE's text.
 */
public class PveValidationException extends PveApiException {
    private static final long serialVersionUID = 1L;

    public PveValidationException(String message, PveErrorResponse response) {
        super(message, response);
    }
}
