package io.jenkins.plugins.nestedpve.plugin;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.init.InitMilestone;
import hudson.init.Initializer;
import io.jenkins.plugins.nestedpve.ledger.LeaseReleaser;
import io.jenkins.plugins.nestedpve.ledger.LeaseStore;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Holds this Jenkins' {@link ClusterServices}: the installation's leases (in the core's ledger file {@code
 * $JENKINS_HOME/nested-pve/ledger.jsonl}), the core's engine and the {@link LeaseReleaser} that the safety nets
 * share; and reconciles the leases once the jobs are loaded after a start: guests of builds that are gone
 * (crash, kill during a restart) are destroyed then.
 */
@Extension
public class NestedPveLeases {
    private static final Logger LOGGER = Logger.getLogger(NestedPveLeases.class.getName());

    private final ClusterServices services;

    /** The instance Jenkins creates. */
    public NestedPveLeases() {
        this(ClusterServices.jenkins());
    }

    NestedPveLeases(ClusterServices services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    /** The instance of this Jenkins. */
    public static NestedPveLeases get() {
        return ExtensionList.lookupSingleton(NestedPveLeases.class);
    }

    public ClusterServices services() {
        return services;
    }

    /** {@code attached} when given (tests), otherwise this Jenkins' services: how the step executions find them. */
    static ClusterServices servicesOr(ClusterServices attached) {
        return attached != null ? attached : get().services();
    }

    public LeaseStore leases() {
        return services.leases();
    }

    public LeaseReleaser releaser() {
        return services.releaser();
    }

    /** After a start: tears down what builds that no longer run left behind. */
    @Initializer(after = InitMilestone.JOB_LOADED)
    public static void reconcileAtStartup() {
        get().reconcile();
    }

    void reconcile() {
        try {
            LeaseReleaser.Outcome o = services.releaser().sweep(LOGGER::info);
            if (o.released() + o.failed() > 0) {
                LOGGER.info("nested-pve startup reconciliation: " + o);
            }
        } catch (RuntimeException e) {
            // never stop Jenkins from starting; the periodic reaper tries again
            LOGGER.log(Level.WARNING, "nested-pve startup reconciliation failed; the reaper retries", e);
        }
    }
}
