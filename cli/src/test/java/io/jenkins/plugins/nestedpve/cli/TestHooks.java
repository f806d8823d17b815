package io.jenkins.plugins.nestedpve.cli;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Shutdown hooks that a test triggers itself, as SIGTERM would. */
final class TestHooks implements ShutdownHooks {
    private final List<Runnable> hooks = new CopyOnWriteArrayList<>();

    @Override
    public Registration register(Runnable hook) {
        hooks.add(hook);
        return () -> hooks.remove(hook);
    }

    /** Runs every registered hook, as the JVM does on SIGTERM (each on its own thread, awaited). */
    void trigger() throws InterruptedException {
        List<Thread> threads = hooks.stream().map(Thread::new).toList();
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
    }

    int registered() {
        return hooks.size();
    }
}
