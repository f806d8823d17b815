package io.jenkins.plugins.nestedpve.plugin;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * The running {@code nestedPveUpgrade}: the trial ({@link UpgradeRun}) runs off the CPS thread; the step ends
 * exactly once, with the summary map or the failure.
 *
 * <ul>
 *   <li>{@link #stop} interrupts the trial (the core kills the command in flight) and ends the step with the
 *       cause once the trial has let go of the cluster, at the latest after {@link #STOP_GRACE}: the enclosing
 *       {@code nestedPveCluster} block fails and tears the cluster down as always.
 *   <li>{@link #onResume} after a controller restart fails the step: a trial cannot resume halfway (the cluster is
 *       still torn down when its block ends).
 * </ul>
 *
 * <p>program.dat holds the cluster name and whether the step ended: no secret, not even the user's commands (the
 * step is transient).
 */
final class UpgradeStepExecution extends NestedPveStepExecution {
    private static final long serialVersionUID = 1L;

    /** How long a stopped trial may take to let go of the cluster before the step ends anyway. */
    static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final transient NestedPveUpgradeStep step;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile String clusterName;

    private transient volatile ReportFiles workspace;
    private transient Thread trialThread; // guarded by this
    private transient volatile Throwable stopCause;
    private final transient CompletableFuture<Void> trialDone = new CompletableFuture<>();

    UpgradeStepExecution(NestedPveUpgradeStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    /**
     * Gives the services, the way to run background work and the workspace, as Jenkins would find them (tests:
     * a {@code FilePath} needs a running Jenkins).
     */
    void attach(ClusterServices services, StepBackground background, ReportFiles workspace) {
        attach(services, background);
        this.workspace = workspace;
    }

    @Override
    public boolean start() {
        background().launch(this::runTrial);
        return false;
    }

    /** Never throws: every outcome ends the step through {@link #finish}. */
    private void runTrial() {
        synchronized (this) {
            trialThread = Thread.currentThread();
        }
        try {
            if (stopCause != null) {
                return;
            }
            StepContext ctx = getContext();
            NestedPveClusterContext cluster = ctx.get(NestedPveClusterContext.class);
            clusterName = cluster.getClusterName();
            Run<?, ?> run = ctx.get(Run.class);
            ReportFiles files = workspace != null ? workspace : ReportFiles.forStep(ctx.get(FilePath.class), run);
            UpgradeRun trial = new UpgradeRun(
                    services(), step, cluster, run, ctx.get(TaskListener.class).getLogger(), files);
            finish(null, trial.call());
        } catch (Throwable t) {
            Throwable cause = stopCause;
            if (cause != null) {
                cause.addSuppressed(t);
            }
            finish(cause != null ? cause : t, null);
        } finally {
            trialEnded();
            trialDone.complete(null);
        }
    }

    /** Under the lock that {@link #interruptTrial} takes: an interrupt never reaches the pool thread's next task. */
    private synchronized void trialEnded() {
        trialThread = null;
        Thread.interrupted();
    }

    /** Interrupts the trial's thread; false when no trial runs. */
    private synchronized boolean interruptTrial() {
        Thread t = trialThread;
        if (t != null) {
            t.interrupt();
        }
        return t != null;
    }

    /**
     * Interrupts the trial and ends the step with {@code cause} when the trial has stopped, or after {@link
     * #STOP_GRACE}. Does not block: Jenkins calls it on the CPS thread.
     */
    @Override
    public void stop(Throwable cause) {
        if (stopCause == null) {
            stopCause = cause;
        }
        if (!interruptTrial()) {
            finish(stopCause, null);
            return;
        }
        say("Stopping the upgrade trial: the command in flight is killed; the cluster is torn down when its"
                + " nestedPveCluster block ends.");
        trialDone
                .completeOnTimeout(null, STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)
                .thenRun(() -> finish(stopCause, null));
    }

    @Override
    public void onResume() {
        if (!ended.get()) {
            finish(
                    new AbortException("nestedPveUpgrade: Jenkins restarted during the upgrade trial of cluster "
                            + (clusterName == null ? "(not started yet)" : clusterName)
                            + "; a trial cannot resume halfway. The cluster is torn down when its nestedPveCluster"
                            + " block ends; run the build again."),
                    null);
        }
    }

    private void finish(Throwable failure, Object result) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        if (failure != null) {
            getContext().onFailure(failure);
        } else {
            getContext().onSuccess(result);
        }
    }

    @Override
    public String getStatus() {
        return ended.get() ? "done" : "upgrade trial of cluster " + (clusterName == null ? "(starting)" : clusterName);
    }

    @Override
    public String toString() {
        return "UpgradeStepExecution[" + getStatus() + "]";
    }
}
