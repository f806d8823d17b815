package io.jenkins.plugins.nestedpve.sim;

import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import io.jenkins.plugins.nestedpve.sim.model.SimEnv;
import io.jenkins.plugins.nestedpve.sim.model.SimTask;
import io.jenkins.plugins.nestedpve.sim.model.SimVm;
import io.jenkins.plugins.nestedpve.sim.model.Upid;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Waiting for simulated state without sleeping: conditions checked on the simulation's scheduler. */
final class Awaits {
    private static final long CHECK_EVERY_MICROS = 500;

    private final SimEnv env;

    Awaits(SimEnv env) {
        this.env = env;
    }

    /** Completes when {@code condition} holds (checked every 0.5 ms). */
    CompletableFuture<Void> until(BooleanSupplier condition) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        ScheduledFuture<?> check = env.scheduler()
                .scheduleWithFixedDelay(
                        () -> {
                            if (condition.getAsBoolean()) {
                                f.complete(null);
                            }
                        },
                        0,
                        CHECK_EVERY_MICROS,
                        TimeUnit.MICROSECONDS);
        f.whenComplete((v, e) -> check.cancel(false));
        return f;
    }

    /** Blocks until {@code condition} holds; {@link IllegalStateException} naming {@code what} on timeout. */
    void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        CompletableFuture<Void> f = until(condition);
        try {
            f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(false);
            throw new IllegalStateException("timed out after " + timeout + " waiting until " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The task with this UPID on the machine its node names. */
    Optional<SimTask> task(PveMachine host, String upid) {
        Optional<Upid> u = Upid.parse(upid);
        if (u.isEmpty()) {
            return Optional.empty();
        }
        for (PveMachine m : env.lan().machines()) {
            Optional<SimTask> t = m.tasks().find(upid);
            if (t.isPresent()) {
                return t;
            }
        }
        return host.tasks().find(upid);
    }

    String awaitTask(PveMachine host, String upid, Duration timeout) throws InterruptedException {
        SimTask t = task(host, upid).orElseThrow(() -> new IllegalArgumentException("no task " + upid));
        try {
            return t.completion().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("task " + upid + " still running after " + timeout, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    PveMachine awaitGuest(PveMachine host, int vmid, Duration timeout) throws InterruptedException {
        await(
                () -> host.pmxcfs().vm(vmid).map(Awaits::guestReady).orElse(false),
                timeout,
                "the guest OS of VM " + vmid + " is up (API, SSH, agent)");
        return host.pmxcfs().vm(vmid).orElseThrow().guest();
    }

    private static boolean guestReady(SimVm vm) {
        PveMachine g = vm.guest();
        return vm.running() && vm.agentUp() && g != null && g.isUp();
    }
}
