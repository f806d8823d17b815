package io.jenkins.plugins.nestedpve.pve;

import io.jenkins.plugins.nestedpve.wait.Deadline;
import java.util.List;
import java.util.Map;
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

        /** After {@code why}, {@code request} (declared re-runnable, its outcome unreadable) was sent again. */
        default void resent(String request, String why) {
            reconciled(request, false, why);
        }
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
        reconciled("start of VM " + vmid, () -> api.startVm(node, vmid), deadline, sent, () -> {
            awaitActive(node, "qmstart", vmid, deadline);
            return api.vmStatus(node, vmid).running();
        });
    }

    /**
     * Stops VM {@code vmid} ({@code qmstop}) and waits until it is stopped; after an unknown outcome or a
     * failed task a stopped VM means the stop took effect, otherwise it is sent again.
     */
    public void stopVm(String node, int vmid, Deadline deadline) throws InterruptedException {
        reconciled("stop of VM " + vmid, () -> api.stopVm(node, vmid), deadline, upid -> {}, () -> {
            awaitActive(node, "qmstop", vmid, deadline);
            return api.vmStatus(node, vmid).stopped();
        });
    }

    /**
     * Creates VM {@code params.vmid} ({@code POST …/qemu}, {@code qmcreate}); after an unknown outcome or a
     * failed task a VM under that VMID (its create task ended) means the create took effect, otherwise it is
     * sent again.
     */
    public void createVm(String node, int vmid, Map<String, ?> params, Deadline deadline) throws InterruptedException {
        reconciled("create of VM " + vmid, () -> api.createVm(node, params), deadline, upid -> {}, () -> {
            awaitActive(node, "qmcreate", vmid, deadline);
            try {
                return api.vmConfig(node, vmid).lock().isEmpty();
            } catch (PveNotFoundException e) {
                return false;
            }
        });
    }

    /**
     * Creates cluster {@code clusterName} on the node this client talks to ({@code POST /cluster/config},
     * {@code clustercreate}); after an unknown outcome or a failed task, a running {@code clustercreate}
     * task is waited for, then {@code GET /cluster/status} naming that cluster means the create took
     * effect, otherwise it is sent again.
     *
     * @param node the node's name (for its task list)
     */
    public void createCluster(String node, String clusterName, Deadline deadline, Consumer<Upid> sent)
            throws InterruptedException {
        reconciled(
                "creation of cluster " + clusterName,
                () -> api.clusterCreate(clusterName, null, null),
                deadline,
                sent,
                () -> {
                    awaitActive(node, "clustercreate", null, deadline);
                    return api.clusterStatus()
                            .clusterEntry()
                            .filter(c -> c.name().equals(clusterName))
                            .isPresent();
                });
    }

    /**
     * Changes VM {@code vmid}'s config with the asynchronous {@code POST …/config} ({@code qmconfig}) and
     * waits for its task. After an unknown outcome or a failed task: a running {@code qmconfig} task for
     * the VM is waited for, then the config is read; a digest other than {@code digestBefore} (the
     * config's digest read before the change; nothing else writes a VM this engine is building) means the
     * change took effect, otherwise it is sent again, at most {@code maxResends} times.
     *
     * @param digestBefore the config's digest before the change, or null to compare the values instead
     * @param sent hears the UPID of every config task begun
     */
    public void updateVmConfig(
            String node, int vmid, Map<String, ?> changes, String digestBefore, Deadline deadline, Consumer<Upid> sent)
            throws InterruptedException {
        reconciled(
                "config change of VM " + vmid,
                () -> api.updateVmConfigAsync(node, vmid, changes),
                deadline,
                sent,
                () -> {
                    awaitActive(node, "qmconfig", vmid, deadline);
                    VmConfig now = api.vmConfig(node, vmid);
                    return digestBefore != null
                            ? now.digest().filter(d -> !d.equals(digestBefore)).isPresent()
                            : valuesSet(now, changes);
                });
    }

    /** A write that begins a task. */
    @FunctionalInterface
    private interface TaskWrite {
        Upid send();
    }

    /** Reads whether the write took effect. */
    @FunctionalInterface
    private interface EffectRead {
        boolean tookEffect() throws InterruptedException;
    }

    /**
     * Sends {@code write} and waits for its task; after an unknown outcome or a failed task, {@code read}
     * decides: taken effect (done) or not (sent again, at most {@code maxResends} times).
     */
    private void reconciled(String request, TaskWrite write, Deadline deadline, Consumer<Upid> sent, EffectRead read)
            throws InterruptedException {
        for (int resend = 0; ; resend++) {
            RuntimeException failure;
            try {
                Upid upid = write.send();
                sent.accept(upid);
                api.tasks().await(upid, deadline);
                return;
            } catch (PveAmbiguousOutcomeException | TaskFailedException e) {
                failure = e;
            }
            if (read.tookEffect()) {
                observer.reconciled(request, true, failure.getMessage());
                return;
            }
            if (resend >= maxResends) {
                throw failure;
            }
            observer.reconciled(request, false, failure.getMessage());
        }
    }

    private static boolean valuesSet(VmConfig config, Map<String, ?> changes) {
        return changes.entrySet().stream()
                .allMatch(c -> config.get(c.getKey())
                        .filter(v -> v.equals(String.valueOf(c.getValue())))
                        .isPresent());
    }

    /**
     * Starts {@code command} in VM {@code vmid}'s guest through its agent ({@code POST …/agent/exec}) and
     * returns its pid. The caller declares the command re-runnable: running it a second time leaves the
     * guest as one run does (e.g. a script that regenerates keys and appends a line it tolerates twice).
     * The agent keeps no list of commands started, so an unknown outcome cannot be read back without a
     * pid: only a re-runnable command is sent again (at most {@code maxResends} times), and the caller
     * waits for the pid it gets back ({@code exec-status}), whose result is what counts.
     */
    public int agentExecRerunnable(String node, int vmid, List<String> command, String inputData)
            throws InterruptedException {
        String request = "guest agent exec of " + command.get(0) + " in VM " + vmid;
        for (int resend = 0; ; resend++) {
            try {
                return api.agentExec(node, vmid, command, inputData);
            } catch (PveAmbiguousOutcomeException e) {
                if (resend >= maxResends) {
                    throw e;
                }
                observer.resent(request, e.getMessage());
            }
        }
    }

    private void awaitActive(String node, String type, Integer vmid, Deadline deadline) throws InterruptedException {
        for (Upid upid : api.activeTasks(node, type, vmid)) {
            try {
                api.tasks().await(upid, deadline);
            } catch (TaskFailedException e) {
                // that one failed as well; the state read next tells
            }
        }
    }
}
