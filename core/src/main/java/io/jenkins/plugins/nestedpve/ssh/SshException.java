package io.jenkins.plugins.nestedpve.ssh;

import io.jenkins.plugins.nestedpve.NestedPveException;

/** An SSH connection, authentication, host-key or command failure; never carries secrets. */
public class SshException extends NestedPveException {
    private static final long serialVersionUID = 1L;

    public SshException(String message) {
        super(message);
    }

    public SshException(String message, Throwable cause) {
        super(message, cause);
    }
}
