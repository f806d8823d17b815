package io.jenkins.plugins.nestedpve.sim.shell;

/** Unwinds to the enclosing function ({@code return}) or loop ({@code break}, {@code continue}). */
final class ControlFlow extends RuntimeException {
    private static final long serialVersionUID = 1L;

    enum Kind {
        RETURN,
        BREAK,
        CONTINUE
    }

    private final Kind kind;
    private final int value;

    ControlFlow(Kind kind, int value) {
        super(null, null, false, false);
        this.kind = kind;
        this.value = value;
    }

    Kind kind() {
        return kind;
    }

    /** The return status, or how many loop levels to leave. */
    int value() {
        return value;
    }
}
