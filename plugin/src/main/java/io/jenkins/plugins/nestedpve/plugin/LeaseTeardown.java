package io.jenkins.plugins.nestedpve.plugin;

import io.jenkins.plugins.nestedpve.ledger.Lease;
import java.util.function.Consumer;

/**
 * Destroys the guests of one lease on its host. This is where the core's teardown plugs in: stop, delete with
 * purge, wait, "does not exist" counts as done, go on after an error, throw at the end if anything is left.
 */
@FunctionalInterface
public interface LeaseTeardown {
    /**
     * @param lease the lease whose guests to destroy
     * @param log one line per step, for the build log or the reaper's log
     * @throws Exception when a guest may still exist; the lease stays in its teardown state and is retried
     */
    void destroy(Lease lease, Consumer<String> log) throws Exception;
}
