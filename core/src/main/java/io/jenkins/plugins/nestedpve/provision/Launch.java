package io.jenkins.plugins.nestedpve.provision;

import io.jenkins.plugins.nestedpve.cluster.HostCredentials;
import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.cluster.Secret;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import io.jenkins.plugins.nestedpve.events.Timeline;
import io.jenkins.plugins.nestedpve.lifecycle.EngineContext;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.ssh.GeneratedSshKey;
import io.jenkins.plugins.nestedpve.wait.Deadline;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts one {@link Provisioner} on its own thread and hands back its {@link Provisioning}: the
 * timeline, the cancellation, the cluster's SSH key and the overall deadline are made here.
 *
 * @param ctx the engine's services
 * @param templateLocks the engine's clone locks
 * @param lease the lease id
 * @param rootPassword the root password the guests get
 * @param ended run on the provisioning's thread when it has ended, before its result is visible
 */
public record Launch(
        EngineContext ctx, TemplateLocks templateLocks, String lease, Secret rootPassword, Runnable ended) {

    /** Starts provisioning {@code spec} with {@code host}'s credentials and returns at once. */
    public Provisioning start(ClusterSpec spec, HostCredentials host, ProgressListener listener) {
        Timeline timeline = new Timeline(ctx.clock());
        ProgressListener events = ProgressListener.composite(timeline, ProgressListener.safe(listener));
        Cancellation cancellation = new Cancellation();
        Provisioning handle = new Provisioning(lease, spec, rootPassword, cancellation, timeline);
        ExecutorService helpers = Executors.newCachedThreadPool(ctx.threads());
        Deadline overall = Deadline.after(ctx.clock(), spec.timeouts().overall());
        RunContext run = new RunContext(
                ctx.withReplacements(spec.replacementsOr(ctx.replacements())),
                lease,
                rootPassword,
                GeneratedSshKey.generate(),
                events,
                new PhaseRunner(events, ctx.clock(), cancellation, overall),
                cancellation,
                new Shield(helpers),
                templateLocks,
                overall,
                new Footprint());
        Provisioner provisioner = new Provisioner(run, spec, host, timeline);
        Thread t = ctx.threads().newThread(() -> run(provisioner, handle, cancellation, helpers));
        t.start();
        return handle;
    }

    private void run(Provisioner provisioner, Provisioning handle, Cancellation cancellation, ExecutorService helpers) {
        cancellation.enter();
        NestedCluster cluster = null;
        Throwable failure = null;
        try {
            cluster = provisioner.provision();
        } catch (Throwable e) {
            failure = e;
        } finally {
            cancellation.leave();
            helpers.shutdown();
            ended.run();
        }
        if (failure == null) {
            handle.complete(cluster);
        } else {
            handle.fail(failure);
        }
    }

    @Override
    public String toString() {
        return "Launch[lease " + lease + ", rootPassword=****]";
    }
}
