package io.jenkins.plugins.nestedpve.ledger;

/** Where a {@link Lease} is in its life; only forward moves happen. */
public enum LeaseState {
    /** Guests are being created; each is recorded in the ledger as its clone call returns. */
    PROVISIONING,
    /** The cluster is up (or kept after a failure until its {@link Lease#keptUntil()}). */
    ACTIVE,
    /** The guests are being destroyed; a failed teardown stays here and is retried. */
    TEARDOWN,
    /**
     * The holder has let go: after a teardown every guest is gone; a cluster left up on purpose (the CLI's
     * {@code up}) is left to its markers' expiry, {@code down} and the reaper.
     */
    RELEASED
}
