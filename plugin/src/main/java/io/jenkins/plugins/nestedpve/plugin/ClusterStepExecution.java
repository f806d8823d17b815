package io.jenkins.plugins.nestedpve.plugin;

import hudson.FilePath;
import hudson.console.ConsoleLogFilter;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.nestedpve.provision.Provisioning;
import io.jenkins.plugins.nestedpve.spec.SpecRules;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * The running {@code nestedPveCluster} block (JENKINS-NOTES.md). Provisioning runs off the CPS thread; the body
 * gets the cluster context, the {@code NESTED_PVE_*} environment and the password masking, each merged with what
 * encloses the block; teardown runs in the background when the body ends, whatever ended it.
 *
 * <ul>
 *   <li>{@link #stop} while provisioning cancels the engine's provisioning, which destroys what exists; the step
 *       ends when that cleanup is done. While tearing down it interrupts nothing: teardown is time-bounded.
 *   <li>{@link #onResume} after a restart in the middle of provisioning or teardown destroys the guests recorded
 *       in the lease file (or keeps them with keep-on-failure) and fails the step; a body that was running simply
 *       resumes, and its callback tears down when it ends.
 * </ul>
 *
 * Teardown uses its own {@link BodyExecutionCallback} rather than {@code GeneralNonBlockingStepExecution.TailCall}:
 * it does the same (background work through {@code run}, the body's failure kept with teardown errors suppressed),
 * but keep-on-failure needs to know whether the body failed, which {@code TailCall.finished} is not told.
 *
 * <p>program.dat holds ids, names and the stage only: no secret (the root password is in {@link ClusterSecrets}).
 */
final class ClusterStepExecution extends NestedPveStepExecution {
    private static final long serialVersionUID = 1L;

    /** Where the block is; written to program.dat so that {@link #onResume} knows what was in flight. */
    enum Stage {
        STARTING,
        PROVISIONING,
        BODY,
        TEARDOWN,
        DONE
    }

    private final transient NestedPveClusterStep step;
    private final String hostId;
    private final String keepOnFailure;
    private volatile Stage stage = Stage.STARTING;
    private volatile String leaseId;
    private volatile String clusterName;
    private volatile boolean bodyFailed;
    private volatile NestedPveClusterContext cluster;

    private transient volatile Provisioning provisioning;
    private transient volatile Throwable stopCause;
    private transient volatile boolean superStopped;

    ClusterStepExecution(NestedPveClusterStep step, StepContext context) {
        super(context);
        this.step = step;
        this.hostId = step.getHost();
        this.keepOnFailure = step.getKeepOnFailure();
        // chosen before any work starts and saved with the execution's first state: after a crash in the middle of
        // provisioning, onResume finds the guests of this lease even if no later state was saved
        this.leaseId = UUID.randomUUID().toString();
    }

    @Override
    public boolean start() {
        background().launch(this::provisionThenStartBody);
        return false;
    }

    private void provisionThenStartBody() throws Exception {
        StepContext ctx = getContext();
        if (stopCause != null) {
            finish(ctx, stopCause, null, List.of());
            return;
        }
        Run<?, ?> run = ctx.get(Run.class);
        PrintStream log = ctx.get(TaskListener.class).getLogger();
        ClusterLaunch launch =
                new ClusterLaunch(services(), step, run, log, ClusterFiles.forStep(ctx.get(FilePath.class), run));
        stage = Stage.PROVISIONING;
        Provisioning p;
        try {
            p = launch.start(leaseId, name -> clusterName = name);
        } catch (Exception e) {
            stage = Stage.DONE; // nothing was created
            throw e;
        }
        provisioning = p;
        if (stopCause != null) {
            p.cancel();
        }
        ClusterLaunch.Ready ready;
        try {
            ready = launch.await(p, hostId);
        } catch (Exception e) {
            provisioning = null;
            failProvisioning(ctx, run, log, p, e);
            return;
        }
        provisioning = null;
        cluster = ready.context();
        if (stopCause != null) {
            stage = Stage.TEARDOWN;
            finish(ctx, stopCause, null, teardown(log).destroy(leaseId, "the step was stopped before its block"));
            return;
        }
        try {
            startBody(ctx, ready);
        } catch (Exception e) {
            stage = Stage.TEARDOWN;
            finish(ctx, e, null, teardown(log).destroy(leaseId, "its block could not be started"));
        }
    }

    private void startBody(StepContext ctx, ClusterLaunch.Ready ready) throws Exception {
        stage = Stage.BODY;
        BodyContexts merge = services().contexts();
        ctx.newBodyInvoker()
                .withContext(ready.context())
                .withContext(merge.environment().apply(ctx.get(EnvironmentExpander.class), ready.environment()))
                .withContext(merge.filters().apply(ctx.get(ConsoleLogFilter.class), ready.masking()))
                .withCallback(new Teardown())
                .start();
    }

    private void failProvisioning(StepContext ctx, Run<?, ?> run, PrintStream log, Provisioning p, Exception e) {
        stage = Stage.TEARDOWN;
        try {
            run.addAction(NestedPveClusterAction.failed(clusterName, hostId, p.timeline(), e.getMessage()));
        } catch (RuntimeException ignored) {
            // the summary is a convenience; the log has the timeline's lines
        }
        Throwable failure = stopCause != null ? stopCause : StepEndings.provisioningFailure(e);
        if (failure == stopCause) {
            stopCause.addSuppressed(e);
        }
        finish(ctx, failure, null, teardown(log).afterFailure(leaseId, keep(), e, "its provisioning failed"));
    }

    /** Called when the body ends, however; never throws (a throwing callback makes a zombie build). */
    private final class Teardown extends BodyExecutionCallback {
        private static final long serialVersionUID = 1L;

        @Override
        public void onSuccess(StepContext context, Object result) {
            bodyEnded(context, null, result);
        }

        @Override
        public void onFailure(StepContext context, Throwable t) {
            bodyEnded(context, t, null);
        }
    }

    private void bodyEnded(StepContext context, Throwable failure, Object result) {
        bodyFailed = failure != null;
        stage = Stage.TEARDOWN;
        StepBackground.Task task = () -> tearDownAndFinish(context, failure, result);
        try {
            if (superStopped) {
                // Jenkins' run(...) refuses new work once its stop() ran; teardown must still happen
                services().background().execute(() -> runOrFail(context, task));
            } else {
                background().launch(task);
            }
        } catch (RuntimeException e) {
            finish(context, failure != null ? failure : e, result, failure != null ? List.of(e) : List.of());
        }
    }

    private void tearDownAndFinish(StepContext context, Throwable failure, Object result) throws Exception {
        PrintStream log = context.get(TaskListener.class).getLogger();
        List<Exception> errors = failure == null
                ? teardown(log).destroy(leaseId, "its nestedPveCluster block has ended")
                : teardown(log).afterFailure(leaseId, keep(), failure, "its nestedPveCluster block failed");
        removeWorkspaceFiles(context);
        finish(context, failure != null ? failure : stopCause, result, errors);
    }

    /** After the guests: the descriptor and inventory describe a destroyed cluster (and hold no secret). */
    private void removeWorkspaceFiles(StepContext context) {
        try {
            FilePath workspace = context.get(FilePath.class);
            if (workspace != null && clusterName != null) {
                ClusterFiles.inWorkspace(workspace).remove(clusterName);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the agent may be gone with its workspace
        }
    }

    private void runOrFail(StepContext context, StepBackground.Task task) {
        try {
            task.run();
        } catch (Throwable t) {
            finish(context, t, null, List.of());
        }
    }

    /**
     * Stopped while provisioning: cancels it (its cleanup destroys what exists; the step ends after that). While
     * tearing down: leaves the teardown alone. Otherwise Jenkins' default applies.
     */
    @Override
    public void stop(Throwable cause) throws Exception {
        if (stopCause == null) {
            stopCause = cause;
        }
        switch (stage) {
            case STARTING, PROVISIONING -> {
                Provisioning p = provisioning;
                if (p != null) {
                    p.cancel();
                }
                say("Stopping: provisioning is cancelled; the guests created so far are destroyed before the step"
                        + " ends.");
            }
            case TEARDOWN ->
                say("Teardown is in progress and is not interrupted (it is time-bounded); the step ends"
                        + " when it is done.");
            default -> {
                superStopped = true;
                super.stop(cause);
            }
        }
    }

    @Override
    public void onResume() {
        Stage s = stage;
        if (s == Stage.BODY || s == Stage.DONE) {
            return; // a body resumes with its callback; nothing else was in flight
        }
        background().launch(() -> recoverAfterRestart(s));
    }

    private void recoverAfterRestart(Stage s) throws Exception {
        PrintStream log = getContext().get(TaskListener.class).getLogger();
        String what = s == Stage.TEARDOWN ? "tearing down" : "provisioning";
        log.println(BuildLogListener.PREFIX + "Jenkins restarted while this step was " + what + " cluster "
                + (clusterName == null ? "(none yet)" : clusterName) + ".");
        List<Exception> errors = List.of();
        boolean created = services().leases().find(leaseId).isPresent();
        if (created) {
            ClusterTeardown t = teardown(log);
            errors = s == Stage.TEARDOWN && !bodyFailed
                    ? t.destroy(leaseId, "Jenkins restarted during its teardown")
                    : t.afterFailure(leaseId, keep(), null, "Jenkins restarted during its " + what);
        }
        finish(getContext(), StepEndings.restarted(what, clusterName, created), null, errors);
    }

    /** Ends the step exactly once (see {@link StepEndings#finish}). */
    private void finish(StepContext ctx, Throwable failure, Object result, List<Exception> errors) {
        stage = Stage.DONE;
        StepEndings.finish(ctx, failure, result, errors);
    }

    @Override
    public String getStatus() {
        return switch (stage) {
            case STARTING -> "starting";
            case PROVISIONING -> "provisioning cluster " + clusterName + " (lease " + leaseId + ")";
            case BODY -> "running the block with cluster " + clusterName;
            case TEARDOWN -> "tearing down cluster " + clusterName + " (lease " + leaseId + ")";
            case DONE -> "done";
        };
    }

    /** The stage, for tests and diagnostics. */
    Stage stage() {
        return stage;
    }

    String leaseId() {
        return leaseId;
    }

    private ClusterTeardown teardown(PrintStream log) {
        return ClusterTeardown.toBuildLog(services(), log);
    }

    private Duration keep() {
        return SpecRules.duration("keepOnFailure", keepOnFailure).orElse(Duration.ZERO);
    }

    @Override
    public String toString() {
        return "ClusterStepExecution[" + getStatus() + "]";
    }
}
