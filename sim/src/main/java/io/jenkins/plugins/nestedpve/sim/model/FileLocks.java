package io.jenkins.plugins.nestedpve.sim.model;

import io.jenkins.plugins.nestedpve.sim.http.ApiException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * flock-like advisory locks of one machine, keyed by lock file path (e.g. {@code
 * /var/lock/qemu-server/lock-100.conf}), shared or exclusive, acquired asynchronously with a timeout.
 * Holders are tasks, not threads, so a lock taken in one scheduled step is released in another. A
 * timeout fails with PVE's text {@code can't lock file '<path>' - got timeout}
 * (pve-common:src/PVE/Tools.pm lock_file_full).
 */
public final class FileLocks {
    private final ScheduledExecutorService scheduler;
    private final Map<String, State> states = new HashMap<>();

    public FileLocks(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /** A held lock; {@link #close()} releases it (twice is harmless). */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** PVE's timeout text for a lock file. */
    public static String timeoutMessage(String path) {
        return "can't lock file '" + path + "' - got timeout";
    }

    /** Acquires {@code path}; the future fails with {@link ApiException} (500) after {@code timeout}. */
    public CompletableFuture<Held> acquire(String path, boolean shared, Duration timeout) {
        return acquire(path, shared, timeout, timeoutMessage(path));
    }

    /** As {@link #acquire(String, boolean, Duration)} with a custom timeout text (cfs locks). */
    public CompletableFuture<Held> acquire(String path, boolean shared, Duration timeout, String timeoutText) {
        Waiter w = new Waiter(path, shared);
        boolean granted;
        synchronized (this) {
            State s = states.computeIfAbsent(path, p -> new State());
            granted = s.queue.isEmpty() && s.compatible(shared);
            if (granted) {
                s.grant(shared);
            } else {
                s.queue.add(w);
                w.timer = scheduler.schedule(
                        () -> expire(w, timeoutText), Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
            }
        }
        if (granted) {
            w.future.complete(new Handle(w));
        }
        return w.future;
    }

    /** Whether anybody holds {@code path} (for inspection in tests). */
    public synchronized boolean isHeld(String path) {
        State s = states.get(path);
        return s != null && (s.exclusive || s.shared > 0);
    }

    private void expire(Waiter w, String text) {
        boolean removed;
        List<Waiter> grants;
        synchronized (this) {
            State s = states.get(w.path);
            removed = s != null && s.queue.remove(w);
            grants = removed ? drain(s) : List.of();
        }
        if (removed) {
            w.future.completeExceptionally(ApiException.die(text));
        }
        complete(grants);
    }

    private void release(Waiter w) {
        List<Waiter> grants;
        synchronized (this) {
            State s = states.get(w.path);
            if (w.shared) {
                s.shared--;
            } else {
                s.exclusive = false;
            }
            grants = drain(s);
            if (s.queue.isEmpty() && s.shared == 0 && !s.exclusive) {
                states.remove(w.path);
            }
        }
        complete(grants);
    }

    /** Grants queued waiters in order while compatible (caller holds the monitor). */
    private static List<Waiter> drain(State s) {
        List<Waiter> grants = new ArrayList<>();
        while (!s.queue.isEmpty() && s.compatible(s.queue.peek().shared)) {
            Waiter next = s.queue.poll();
            s.grant(next.shared);
            next.timer.cancel(false);
            grants.add(next);
        }
        return grants;
    }

    private void complete(List<Waiter> grants) {
        for (Waiter g : grants) {
            if (!g.future.complete(new Handle(g))) {
                release(g);
            }
        }
    }

    private static final class State {
        int shared;
        boolean exclusive;
        final Deque<Waiter> queue = new ArrayDeque<>();

        boolean compatible(boolean wantShared) {
            return !exclusive && (wantShared || shared == 0);
        }

        void grant(boolean wantShared) {
            if (wantShared) {
                shared++;
            } else {
                exclusive = true;
            }
        }
    }

    private static final class Waiter {
        final String path;
        final boolean shared;
        final CompletableFuture<Held> future = new CompletableFuture<>();
        ScheduledFuture<?> timer;

        Waiter(String path, boolean shared) {
            this.path = path;
            this.shared = shared;
        }
    }

    private final class Handle implements Held {
        private final Waiter waiter;
        private boolean released;

        Handle(Waiter waiter) {
            this.waiter = waiter;
        }

        @Override
        public void close() {
            synchronized (this) {
                if (released) {
                    return;
                }
                released = true;
            }
            release(waiter);
        }
    }
}
