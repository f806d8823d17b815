package io.jenkins.plugins.nestedpve.plugin;

import io.jenkins.plugins.nestedpve.ledger.Lease;
import java.util.List;
import java.util.function.Consumer;

/**
 * The last safety net, where the core's reaper plugs in: on each configured host, destroy guests that carry
 * this installation's ownership marker but belong to no live lease (or whose marker expired). Never touches a
 * guest without the marker.
 */
@FunctionalInterface
public interface HostReaper {
    /**
     * @param live the live leases; their guests must be left alone
     * @param log one line per action
     */
    void reap(List<Lease> live, Consumer<String> log) throws Exception;

    /** Reaps nothing: used until a host reaper is configured. */
    static HostReaper none() {
        return (live, log) -> {};
    }
}
