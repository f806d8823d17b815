package io.jenkins.plugins.nestedpve.capacity;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A host's line inside one engine only: used when the API token may not create resource pools, so the
 * engine's own provisionings still queue fairly (other installations then are not coordinated with; the
 * preflight says so). Thread-safe.
 */
public final class LocalTicketBoard implements TicketBoard {
    private final Map<String, RoomTicket> tickets = new ConcurrentHashMap<>();
    private final Object lock = new Object();

    @Override
    public List<RoomTicket> tickets() {
        return List.copyOf(tickets.values());
    }

    @Override
    public void put(RoomTicket t) {
        tickets.put(t.lease(), t);
    }

    @Override
    public void remove(String lease) {
        tickets.remove(lease);
    }

    @Override
    public <T> T exclusive(String holder, Supplier<T> body) {
        synchronized (lock) {
            return body.get();
        }
    }

    @Override
    public boolean shared() {
        return false;
    }
}
