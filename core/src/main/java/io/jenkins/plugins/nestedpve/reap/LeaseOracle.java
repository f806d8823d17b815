package io.jenkins.plugins.nestedpve.reap;

/**
 * Tells the {@link Reaper} which leases still have an owner: a running build (the Jenkins lease
 * registry), a CLI run that registered itself. A VM of this installation whose lease the oracle does
 * not know has lost its owner and is reaped.
 */
@FunctionalInterface
public interface LeaseOracle {
    /** An oracle that knows every lease: only expired VMs are reaped. */
    LeaseOracle KNOWS_ALL = lease -> true;

    /** Whether {@code lease} is known (its owner still holds it). */
    boolean isKnown(String lease);
}
