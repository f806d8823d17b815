package io.jenkins.plugins.nestedpve.plugin;

/** Where a lease is in its life; only forward moves happen. */
public enum LeaseState {
    /** Guests are being created; VMIDs are recorded as each clone call returns. */
    PROVISIONING,
    /** The cluster is up (or kept after a failure until its expiry). */
    ACTIVE,
    /** The guests are being destroyed; a failed teardown stays here and is retried. */
    TEARDOWN,
    /** Every guest is gone. */
    RELEASED
}
