package io.jenkins.plugins.nestedpve.plugin;

import hudson.AbortException;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.init.InitMilestone;
import hudson.init.Initializer;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;

/**
 * Holds this Jenkins' {@link LeaseRegistry} (in {@code $JENKINS_HOME/nested-pve/leases.json}) and the
 * {@link LeaseReleaser} that the safety nets share, and reconciles the leases once the jobs are loaded after a
 * start: guests of builds that are gone (crash, kill during a restart) are destroyed then.
 */
@Extension
public class NestedPveLeases {
    private static final Logger LOGGER = Logger.getLogger(NestedPveLeases.class.getName());

    private final LeaseReleaser releaser;

    /** The instance Jenkins creates. */
    public NestedPveLeases() {
        this(new LeaseReleaser(
                LeaseRegistry.open(
                        Jenkins.get().getRootDir().toPath().resolve(LeaseRegistry.RELATIVE_PATH),
                        Clock.systemUTC(),
                        LOGGER::warning),
                NestedPveLeases::teardownNotAvailable,
                BuildLiveness.jenkins(),
                HostReaper.none(),
                Clock.systemUTC()));
    }

    NestedPveLeases(LeaseReleaser releaser) {
        this.releaser = releaser;
    }

    /** The instance of this Jenkins. */
    public static NestedPveLeases get() {
        return ExtensionList.lookupSingleton(NestedPveLeases.class);
    }

    public LeaseRegistry registry() {
        return releaser.registry();
    }

    public LeaseReleaser releaser() {
        return releaser;
    }

    /** After a start: tears down what builds that no longer run left behind. */
    @Initializer(after = InitMilestone.JOB_LOADED)
    public static void reconcileAtStartup() {
        get().reconcile();
    }

    void reconcile() {
        try {
            LeaseReleaser.Outcome o = releaser.sweep(LOGGER::info);
            if (o.released() + o.failed() > 0) {
                LOGGER.info("nested-pve startup reconciliation: " + o);
            }
        } catch (RuntimeException e) {
            // never stop Jenkins from starting; the periodic reaper tries again
            LOGGER.log(Level.WARNING, "nested-pve startup reconciliation failed; the reaper retries", e);
        }
    }

    /** Until the core's teardown is wired in here, leases are left for the operator, with their VMIDs named. */
    private static void teardownNotAvailable(Lease lease, Consumer<String> log) throws AbortException {
        throw new AbortException("automatic teardown is not available in this version of nested-pve");
    }
}
