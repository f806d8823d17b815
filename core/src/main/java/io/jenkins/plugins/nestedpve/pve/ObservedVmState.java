package io.jenkins.plugins.nestedpve.pve;

import java.io.Serializable;
import java.util.List;

/**
 * What the client re-read about a VM after a non-idempotent request (clone, create) ended without a
 * clear answer. The lifecycle decides from this whether the request took effect.
 *
 * @param vmid the VM the request was about to create
 * @param presence whether its config exists on the node ({@link Presence#UNKNOWN} when the re-read
 *     itself failed)
 * @param lock its config lock, e.g. {@code clone} while a clone task is still writing it, or {@code
 *     null}
 * @param activeTasks running tasks of the relevant type that might belong to the request, e.g. the
 *     {@code qmclone} tasks of the source VM
 */
public record ObservedVmState(int vmid, Presence presence, String lock, List<Upid> activeTasks)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Whether a VM config was found. */
    public enum Presence {
        PRESENT,
        ABSENT,
        UNKNOWN
    }

    public ObservedVmState {
        activeTasks = List.copyOf(activeTasks);
    }

    /** One line for messages, e.g. {@code VM 101 exists (lock: clone); 1 running qmclone task(s)}. */
    public String describe() {
        String vm = switch (presence) {
            case PRESENT -> "VM " + vmid + " exists" + (lock == null ? "" : " (lock: " + lock + ")");
            case ABSENT -> "VM " + vmid + " does not exist";
            case UNKNOWN -> "whether VM " + vmid + " exists could not be read";
        };
        return vm + "; " + activeTasks.size() + " matching running task(s)"
                + (activeTasks.isEmpty() ? "" : ": " + activeTasks);
    }
}
