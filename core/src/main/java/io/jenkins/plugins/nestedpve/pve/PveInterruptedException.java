package io.jenkins.plugins.nestedpve.pve;

import io.jenkins.plugins.nestedpve.NestedPveException;

/**
 * The calling thread was interrupted during an API call or a retry wait. The interrupt flag has
 * been restored before this was thrown, so the caller's next blocking call sees it too.
 */
public class PveInterruptedException extends NestedPveException {
    private static final long serialVersionUID = 1L;

    public PveInterruptedException(String message, InterruptedException cause) {
        super(message, cause);
    }
}
