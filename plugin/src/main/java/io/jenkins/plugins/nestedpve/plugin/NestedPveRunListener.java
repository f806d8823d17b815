package io.jenkins.plugins.nestedpve.plugin;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;
import io.jenkins.plugins.nestedpve.ledger.LeaseReleaser;
import java.io.PrintStream;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The safety net of a finished build: whatever ended it (success, failure, abort, "Kill" that ran no step code),
 * every live lease of the build is torn down here, as the lock step's listener releases its locks.
 */
@Extension
public class NestedPveRunListener extends RunListener<Run<?, ?>> {
    private static final Logger LOGGER = Logger.getLogger(NestedPveRunListener.class.getName());

    static final String PREFIX = "[nested-pve] ";

    private final Supplier<LeaseReleaser> releaser;

    /** The listener Jenkins creates. */
    public NestedPveRunListener() {
        this(() -> NestedPveLeases.get().releaser());
    }

    NestedPveRunListener(Supplier<LeaseReleaser> releaser) {
        this.releaser = Objects.requireNonNull(releaser, "releaser");
    }

    @Override
    public void onCompleted(Run<?, ?> run, TaskListener listener) {
        release(run.getExternalizableId(), listener.getLogger());
    }

    /** Releases the leases of {@code buildId}, writing to the build's log; never throws. */
    void release(String buildId, PrintStream log) {
        try {
            releaser.get().releaseTagged(LeaseTags.BUILD, buildId, line -> log.println(PREFIX + line));
        } catch (RuntimeException e) {
            // a listener must not break the completion of a build; the reaper retries
            log.println(PREFIX + "Releasing the nested clusters of this build failed: " + e.getMessage()
                    + "; the reaper retries.");
            LOGGER.log(Level.WARNING, "releasing the leases of " + buildId + " failed", e);
        }
    }
}
