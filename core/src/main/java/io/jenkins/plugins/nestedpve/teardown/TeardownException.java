package io.jenkins.plugins.nestedpve.teardown;

import io.jenkins.plugins.nestedpve.NestedPveException;

/** One VM could not be stopped, destroyed or marked; the message says how to remove it by hand. */
public class TeardownException extends NestedPveException {
    private static final long serialVersionUID = 1L;

    private final int vmid;

    public TeardownException(int vmid, String message, Throwable cause) {
        super(message, cause);
        this.vmid = vmid;
    }

    /** The VM concerned. */
    public int vmid() {
        return vmid;
    }
}
