package io.jenkins.plugins.nestedpve.provision;

import io.jenkins.plugins.nestedpve.NestedPveException;

/** A step of giving a guest its own identity failed; names the node, the step and the exit status. */
public class GuestIdentityException extends NestedPveException {
    private static final long serialVersionUID = 1L;

    private final String node;
    private final String step;
    private final int exitCode;

    public GuestIdentityException(String node, String step, int exitCode, String message) {
        super(message);
        this.node = node;
        this.step = step;
        this.exitCode = exitCode;
    }

    public String node() {
        return node;
    }

    public String step() {
        return step;
    }

    public int exitCode() {
        return exitCode;
    }
}
