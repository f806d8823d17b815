package io.jenkins.plugins.nestedpve.teardown;

import io.jenkins.plugins.nestedpve.events.Level;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import io.jenkins.plugins.nestedpve.lifecycle.EngineContext;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.PveNotFoundException;
import io.jenkins.plugins.nestedpve.pve.VmConfig;
import io.jenkins.plugins.nestedpve.pve.VmResource;
import io.jenkins.plugins.nestedpve.spec.HostRef;
import io.jenkins.plugins.nestedpve.wait.Deadline;
import io.jenkins.plugins.nestedpve.wait.WaitTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a VM's config for teardown once no clone holds it or is about to write it. A clone task writes the new VM's
 * config only once it runs (pve-facts §3.4), so a VM recorded the moment its clone call returned may not exist yet:
 * when it is missing and clones run on the node, wait for them — once per teardown and at most {@link #CLONE_WAIT}
 * (the node's clones may be anybody's) — and look again. A clone still running after that is left to the reaper,
 * which finds its VM by the marker. Not thread-safe: one per {@link Teardown}.
 */
final class SettledConfigs {
    /** The longest wait for clone tasks when a recorded VM does not exist yet. */
    static final Duration CLONE_WAIT = Duration.ofMinutes(2);

    private final EngineContext ctx;
    private final PveClient host;
    private final HostRef hostRef;
    private final ProgressListener listener;
    private volatile boolean clonesAwaited;
    /** VMs found on another node than the host's. */
    private final Map<Integer, String> nodes = new ConcurrentHashMap<>();

    SettledConfigs(EngineContext ctx, PveClient host, HostRef hostRef, ProgressListener listener) {
        this.ctx = ctx;
        this.host = host;
        this.hostRef = hostRef;
        this.listener = listener;
    }

    /** The config once settled (see the class); empty when the VM does not exist. */
    Optional<VmConfig> settled(int vmid, Deadline deadline) throws InterruptedException {
        Optional<VmConfig> config = unlocked(vmid, deadline);
        if (config.isEmpty() && awaitedRunningClones(deadline)) {
            config = unlocked(vmid, deadline);
        }
        return config;
    }

    /**
     * The node VM {@code vmid} lives on: the host's node, unless a read found it on another node of
     * the physical cluster (a guest placed there).
     */
    String nodeOf(int vmid) {
        return nodes.getOrDefault(vmid, hostRef.node());
    }

    /**
     * The config as it is now; empty when the VM does not exist. A VM missing on its node is looked
     * up in {@code /cluster/resources}: placed on (or moved to) another node, it is read there.
     */
    Optional<VmConfig> now(int vmid) {
        String node = nodeOf(vmid);
        try {
            return Optional.of(host.vmConfig(node, vmid));
        } catch (PveNotFoundException e) {
            Optional<String> elsewhere = host.vmResources().stream()
                    .filter(v -> v.vmid() == vmid && !v.node().equals(node))
                    .map(VmResource::node)
                    .findFirst();
            if (elsewhere.isEmpty()) {
                return Optional.empty();
            }
            nodes.put(vmid, elsewhere.get());
            return now(vmid);
        }
    }

    /** Waits while the VM is locked by a clone or create still running; empty when it does not exist. */
    private Optional<VmConfig> unlocked(int vmid, Deadline deadline) throws InterruptedException {
        return ctx.waiter()
                .until("VM " + vmid + " should not be locked by a clone or create", deadline, ctx.poll(), () -> {
                    Optional<VmConfig> c = now(vmid);
                    boolean busy = c.flatMap(VmConfig::lock)
                            .filter(l -> l.equals("clone") || l.equals("create"))
                            .isPresent();
                    return busy ? Optional.empty() : Optional.of(c);
                });
    }

    /** Whether clones ran and were waited for, so that a missing VM is worth another look. */
    private boolean awaitedRunningClones(Deadline deadline) throws InterruptedException {
        if (clonesAwaited || !clonesRunning()) {
            return false;
        }
        clonesAwaited = true;
        Deadline bounded = Deadline.after(ctx.clock(), deadline.cap(CLONE_WAIT));
        try {
            ctx.waiter()
                    .until(
                            "the clone tasks on " + hostRef.node() + " should end",
                            bounded,
                            ctx.poll(),
                            () -> clonesRunning() ? Optional.empty() : Optional.of(Boolean.TRUE));
        } catch (WaitTimeoutException e) {
            listener.message(
                    Level.WARNING,
                    "clone tasks still run on " + hostRef.node() + "; a VM they create later is left to the reaper");
        }
        return true;
    }

    private boolean clonesRunning() {
        return !host.activeTasks(hostRef.node(), "qmclone", null).isEmpty();
    }
}
