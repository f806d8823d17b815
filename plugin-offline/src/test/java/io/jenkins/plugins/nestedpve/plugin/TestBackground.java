package io.jenkins.plugins.nestedpve.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Background work for offline tests, as {@code GeneralNonBlockingStepExecution.run} does it (workflow-step-api at
 * 0773c3c6): the block runs on a pool thread, and what it throws becomes the step's failure. {@link #holdNext()}
 * parks the next block instead, as if the controller died before running it.
 */
final class TestBackground implements StepBackground {
    private final ExecutorService pool;
    private final StepContext context;
    private final List<StepBackground.Task> held = new ArrayList<>();
    private final java.util.concurrent.CountDownLatch heldOne = new java.util.concurrent.CountDownLatch(1);
    private volatile boolean holdNext;

    TestBackground(ExecutorService pool, StepContext context) {
        this.pool = pool;
        this.context = context;
    }

    /** The next block is kept and never run. */
    TestBackground holdNext() {
        holdNext = true;
        return this;
    }

    synchronized int held() {
        return held.size();
    }

    /** Waits until a block was held. */
    void awaitHeld() throws InterruptedException {
        if (!heldOne.await(ClusterFixture.WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new AssertionError("no block was held in time");
        }
    }

    @Override
    public synchronized void launch(StepBackground.Task task) {
        if (holdNext) {
            holdNext = false;
            held.add(task);
            heldOne.countDown();
            return;
        }
        pool.execute(() -> {
            try {
                task.run();
            } catch (Throwable t) {
                context.onFailure(t);
            }
        });
    }
}
