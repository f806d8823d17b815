package io.jenkins.plugins.nestedpve.sim.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the SSH exec requests every simulated machine answered, and how many of them repeated a
 * command line the same machine had already run (a poll: waiting for something by asking again).
 * Keeps only a hash of each command line, never the line itself (it may carry a secret).
 * Thread-safe.
 */
public final class ExecCounter {
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong repeats = new AtomicLong();
    private final Map<String, Boolean> seen = new ConcurrentHashMap<>();

    /** One exec request on the machine at {@code address}, without the client's process-id header. */
    public void record(String address, String commandLine) {
        total.incrementAndGet();
        String key = address + "#" + commandLine.length() + "#" + commandLine.hashCode();
        if (seen.putIfAbsent(key, Boolean.TRUE) != null) {
            repeats.incrementAndGet();
        }
    }

    /** Exec requests answered so far. */
    public long total() {
        return total.get();
    }

    /** Exec requests that repeated an earlier command line on the same machine. */
    public long repeats() {
        return repeats.get();
    }
}
