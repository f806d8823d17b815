package io.jenkins.plugins.nestedpve.sim.model;

/** A failure inside a simulated task or program: the message is PVE's die text. */
public final class SimFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SimFailure(String message) {
        super(message);
    }
}
