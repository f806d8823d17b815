package io.jenkins.plugins.nestedpve.lifecycle;

import io.jenkins.plugins.nestedpve.cluster.HostCredentials;
import io.jenkins.plugins.nestedpve.cluster.Secret;
import io.jenkins.plugins.nestedpve.events.Level;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import io.jenkins.plugins.nestedpve.host.NestingReport;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.ssh.GeneratedSshKey;
import io.jenkins.plugins.nestedpve.wait.Deadline;
import io.jenkins.plugins.nestedpve.wait.Waiter;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state shared by the phases of one provisioning: the spec and credentials, the engine's
 * services, the host client, the guests being built and what earlier phases found.
 */
final class ProvisionRun {
    final EngineContext ctx;
    final TemplateLocks templateLocks;
    final ClusterSpec spec;
    final HostCredentials hostCredentials;
    final String lease;
    final Secret rootPassword;
    /** The cluster's own SSH key; its private half lives only in this run's memory. */
    final GeneratedSshKey clusterKey;

    final ProgressListener listener;
    final PhaseRunner phases;
    final Cancellation cancellation;
    final Shield shield;
    /** VMIDs this provisioning claimed in {@link TemplateLocks}; released when it ends. */
    final Set<Integer> claims = ConcurrentHashMap.newKeySet();

    final List<GuestNode> nodes;
    final Deadline overall;
    volatile PveClient host;
    volatile Environment environment;
    volatile NestingReport hostNesting;
    /** Whether cloning may have begun (cleanup then also sweeps the host for this lease's marker). */
    volatile boolean clonesStarted;

    ProvisionRun(Builder b) {
        this.ctx = b.ctx;
        this.templateLocks = b.templateLocks;
        this.spec = b.spec;
        this.hostCredentials = b.hostCredentials;
        this.lease = b.lease;
        this.rootPassword = b.rootPassword;
        this.clusterKey = b.clusterKey;
        this.listener = b.listener;
        this.cancellation = b.cancellation;
        this.shield = b.shield;
        this.overall = Deadline.after(ctx.clock(), spec.timeouts().overall());
        this.phases = new PhaseRunner(listener, ctx.clock(), cancellation, overall);
        this.nodes = spec.nodeNames().stream()
                .map(n -> new GuestNode(spec.nodeNames().indexOf(n) + 1, n))
                .toList();
    }

    /** A deadline {@code timeout} from now, never after the overall deadline. */
    Deadline deadline(Duration timeout) {
        Deadline d = Deadline.after(ctx.clock(), timeout);
        return d.instant().isAfter(overall.instant()) ? overall : d;
    }

    /** A deadline {@code timeout} from now, regardless of the overall deadline (for cleanup). */
    Deadline ctxDeadline(Duration timeout) {
        return Deadline.after(ctx.clock(), timeout);
    }

    Waiter waiter() {
        return new Waiter(ctx.clock(), ctx.sleeper());
    }

    void info(String text) {
        listener.message(Level.INFO, text);
    }

    void warn(String text) {
        listener.message(Level.WARNING, text);
    }

    /** Collects the constructor arguments. */
    static final class Builder {
        EngineContext ctx;
        TemplateLocks templateLocks;
        ClusterSpec spec;
        HostCredentials hostCredentials;
        String lease;
        Secret rootPassword;
        GeneratedSshKey clusterKey;
        ProgressListener listener;
        Cancellation cancellation;
        Shield shield;

        ProvisionRun build() {
            return new ProvisionRun(this);
        }
    }
}
