package io.jenkins.plugins.nestedpve.teardown;

import io.jenkins.plugins.nestedpve.teardown.TeardownReport.Result;
import io.jenkins.plugins.nestedpve.teardown.TeardownReport.VmOutcome;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;

/**
 * One thread per VM to destroy: the guests are independent VMs, and PVE stops and destroys them in
 * parallel (each task holds only its own VM's lock, pve-facts §3.8). VMs can be added while others
 * are already being destroyed; a VMID added twice is destroyed once. The outcomes keep the order in
 * which the VMs were added. Not thread-safe: one caller adds and collects.
 */
final class DestroyPool implements AutoCloseable {
    private final ExecutorService pool;
    private final Function<Teardown.Target, VmOutcome> destroy;
    private final Map<Integer, Teardown.Target> targets = new LinkedHashMap<>();
    private final Map<Integer, Future<VmOutcome>> futures = new LinkedHashMap<>();
    private boolean interrupted;

    DestroyPool(ThreadFactory threads, Function<Teardown.Target, VmOutcome> destroy) {
        this.pool = Executors.newCachedThreadPool(threads);
        this.destroy = destroy;
    }

    /** Starts destroying each target whose VMID is not started yet. */
    void add(Collection<Teardown.Target> more) {
        for (Teardown.Target t : more) {
            if (!futures.containsKey(t.vmid())) {
                targets.put(t.vmid(), t);
                futures.put(t.vmid(), pool.submit(() -> destroy.apply(t)));
            }
        }
    }

    /** Every outcome, once all have ended; teardown runs to its end, so an interrupt only waits on. */
    List<VmOutcome> outcomes() {
        List<VmOutcome> vms = new ArrayList<>();
        for (Map.Entry<Integer, Future<VmOutcome>> e : futures.entrySet()) {
            vms.add(outcome(e.getValue(), targets.get(e.getKey())));
        }
        return vms;
    }

    /** Whether the caller was interrupted while waiting (the flag is left cleared for the caller to restore). */
    boolean interrupted() {
        return interrupted;
    }

    private VmOutcome outcome(Future<VmOutcome> f, Teardown.Target t) {
        while (true) {
            try {
                return f.get();
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof Error err) {
                    throw err;
                }
                return new VmOutcome(t.vmid(), t.node(), Result.FAILED, String.valueOf(c.getMessage()));
            }
        }
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
