package io.jenkins.plugins.nestedpve.pve;

import io.jenkins.plugins.nestedpve.wait.Deadline;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Writes whose outcome can be unknown (a 503 or a dropped connection after the request went out), made
 * safe by reading the state they change instead of sending them again blindly: after an unknown outcome
 * the VM's status and its running tasks ({@code GET /nodes/{node}/tasks?vmid=…&source=active}) tell
 * whether the write took effect; only when they show it did not is it sent again. A task that ended
 * with an error is a known outcome: the state did not change, so the write may be sent again.
 *
 * <p>Every decision is reported to the {@link Observer}, so the build log shows it.
 */
public final class ReconciledWrites {
    /** Hears each reconciliation; the texts hold no secrets. */
    @FunctionalInterface
    public interface Observer {
        Observer NONE = (request, tookEffect, why) -> {};

        /** After {@code why}, the state showed that {@code request} had ({@code tookEffect}) or had not taken effect. */
        void reconciled(String request, boolean tookEffect, String why);
    }

    private final PveClient api;
    private final int maxResends;
    private final Observer observer;

    /** @param maxResends how often one write may be sent again after it was shown not to have happened */
    public ReconciledWrites(PveClient api, int maxResends, Observer observer) {
        if (maxResends < 0) {
            throw new IllegalArgumentException("maxResends must be at least 0, got " + maxResends);
        }
        this.api = Objects.requireNonNull(api, "api");
        this.maxResends = maxResends;
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    /**
     * Starts VM {@code vmid} and waits until it runs. After an unknown outcome or a failed {@code qmstart}
     * task: a running VM means the start took effect; a running {@code qmstart} task for it is waited
     * for; otherwise the start is sent again, at most {@code maxResends} times.
     *
     * @throws TaskFailedException when the last start task failed
     * @throws PveAmbiguousOutcomeException when the state could not show what happened
     */
    public void startVm(String node, int vmid, Deadline deadline) throws InterruptedException {
        startVm(node, vmid, deadline, upid -> {});
    }

    /** As {@link #startVm(String, int, Deadline)}; {@code sent} hears the UPID of every start task begun. */
    public void startVm(String node, int vmid, Deadline deadline, Consumer<Upid> sent) throws InterruptedException {
        String request = "start of VM " + vmid;
        for (int resend = 0; ; resend++) {
            RuntimeException failure;
            try {
                Upid upid = api.startVm(node, vmid);
                sent.accept(upid);
                api.tasks().await(upid, deadline);
                return;
            } catch (PveAmbiguousOutcomeException | TaskFailedException e) {
                failure = e;
            }
            if (startTookEffect(node, vmid, deadline)) {
                observer.reconciled(request, true, failure.getMessage());
                return;
            }
            if (resend >= maxResends) {
                throw failure;
            }
            observer.reconciled(request, false, failure.getMessage());
        }
    }

    /** Whether the VM runs, after waiting for a start task of it that is still running. */
    private boolean startTookEffect(String node, int vmid, Deadline deadline) throws InterruptedException {
        List<Upid> running = api.activeTasks(node, "qmstart", vmid);
        for (Upid upid : running) {
            try {
                api.tasks().await(upid, deadline);
            } catch (TaskFailedException e) {
                // that start failed too; the status below tells
            }
        }
        return api.vmStatus(node, vmid).running();
    }
}
