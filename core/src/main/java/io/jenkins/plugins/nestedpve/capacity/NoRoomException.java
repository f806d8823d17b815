package io.jenkins.plugins.nestedpve.capacity;

import io.jenkins.plugins.nestedpve.NestedPveException;

/** A cluster found no room on the host within its {@code capacityTimeout}; nothing was created. */
public final class NoRoomException extends NestedPveException {
    private static final long serialVersionUID = 1L;

    private final long shortMiB;

    public NoRoomException(String message, long shortMiB) {
        super(message);
        this.shortMiB = shortMiB;
    }

    /** How much memory was missing when it gave up. */
    public long shortMiB() {
        return shortMiB;
    }
}
