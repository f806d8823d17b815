package io.jenkins.plugins.nestedpve.provision;

import io.jenkins.plugins.nestedpve.cluster.Secret;
import io.jenkins.plugins.nestedpve.events.Healing;
import io.jenkins.plugins.nestedpve.events.Level;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import io.jenkins.plugins.nestedpve.lifecycle.EngineContext;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.ReconciledWrites;
import io.jenkins.plugins.nestedpve.ssh.GeneratedSshKey;
import io.jenkins.plugins.nestedpve.wait.Deadline;
import io.jenkins.plugins.nestedpve.wait.Waiter;
import java.time.Duration;
import java.util.Objects;

/**
 * What every phase of one provisioning shares and nobody changes: the engine's services, the
 * lease, the cluster's secrets, where progress goes, how phases are run and stopped, and the
 * overall deadline. The spec is not in here: each phase is handed what it reads of it.
 *
 * @param ctx the engine's clock, sleeper, clients, ledger and threads
 * @param lease this provisioning's lease id (in every ownership marker and ledger entry)
 * @param rootPassword the root password of every guest; never logged
 * @param clusterKey the cluster's own SSH key; its private half lives only in memory
 * @param listener progress events (phase lines, heartbeats, messages)
 * @param phases runs each phase with its start and end events, cancellation and deadline checks
 * @param cancellation the provisioning's stop switch
 * @param shield lets a create call answer before an interrupt is acted on
 * @param templateLocks the engine's clone locks and claimed VMIDs
 * @param overall the deadline of the whole provisioning ({@code timeouts.overall})
 * @param footprint what this provisioning opened and created, for cleanup
 */
record RunContext(
        EngineContext ctx,
        String lease,
        Secret rootPassword,
        GeneratedSshKey clusterKey,
        ProgressListener listener,
        PhaseRunner phases,
        Cancellation cancellation,
        Shield shield,
        TemplateLocks templateLocks,
        Deadline overall,
        Footprint footprint) {
    RunContext {
        Objects.requireNonNull(ctx, "ctx");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(rootPassword, "rootPassword");
        Objects.requireNonNull(clusterKey, "clusterKey");
    }

    /** A deadline {@code timeout} from now, never after the overall deadline. */
    Deadline deadline(Duration timeout) {
        Deadline d = Deadline.after(ctx.clock(), timeout);
        return d.instant().isAfter(overall.instant()) ? overall : d;
    }

    Waiter waiter() {
        return new Waiter(ctx.clock(), ctx.sleeper());
    }

    /**
     * Writes through {@code api} that are decided by the state they change after an unknown outcome or a
     * failed task, at most {@code resends} re-sends; each decision is reported as an absorbed fault of
     * {@code node} in {@code phase}, its request named with {@code label} in front ("" for none).
     */
    ReconciledWrites writes(PveClient api, int resends, Phase phase, String node, String label) {
        return new ReconciledWrites(
                api,
                resends,
                (request, tookEffect, why) -> listener.healed(new Healing(
                        Healing.Action.RECONCILED,
                        phase,
                        node,
                        label + request
                                + (tookEffect ? " had taken effect" : " had not taken effect: sent again")
                                + " (after: " + Healing.firstLine(why) + ")")));
    }

    void info(String text) {
        listener.message(Level.INFO, text);
    }

    void warn(String text) {
        listener.message(Level.WARNING, text);
    }

    @Override
    public String toString() {
        return "RunContext[lease " + lease + ", rootPassword=****]";
    }
}
