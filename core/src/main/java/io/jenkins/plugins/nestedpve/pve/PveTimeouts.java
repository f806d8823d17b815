package io.jenkins.plugins.nestedpve.pve;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Every time bound of the PVE client in one place. Start from {@link #DEFAULTS} and adjust with the
 * {@code with...} methods.
 *
 * @param connect TCP + TLS connect bound
 * @param request bound for one HTTP request/response (PVE's synchronous calls hold config locks for
 *     up to 10 s, so this stays well above that)
 * @param ticketRenewAfter age after which a ticket is renewed before use (PVE tickets live 2 h)
 * @param taskDefault bound for waiting on a task type without its own entry
 * @param taskByType bound per UPID task type, e.g. {@code qmclone}
 */
public record PveTimeouts(
        Duration connect,
        Duration request,
        Duration ticketRenewAfter,
        Duration taskDefault,
        Map<String, Duration> taskByType) {

    /** connect 10 s, request 30 s, ticket renewal after 1 h 50 min, task waits by type. */
    public static final PveTimeouts DEFAULTS = new PveTimeouts(
            Duration.ofSeconds(10),
            Duration.ofSeconds(30),
            Duration.ofMinutes(110),
            Duration.ofMinutes(10),
            Map.ofEntries(
                    // full clones copy whole disks; linked clones take seconds
                    Map.entry("qmclone", Duration.ofMinutes(30)),
                    Map.entry("qmcreate", Duration.ofMinutes(10)),
                    Map.entry("qmconfig", Duration.ofMinutes(2)),
                    // start waits up to max(30 s, GiB of memory) for QEMU
                    Map.entry("qmstart", Duration.ofMinutes(3)),
                    // stop: 60 s QMP quit + 10 s SIGTERM + SIGKILL
                    Map.entry("qmstop", Duration.ofMinutes(3)),
                    Map.entry("qmshutdown", Duration.ofMinutes(5)),
                    Map.entry("qmreboot", Duration.ofMinutes(5)),
                    Map.entry("qmdestroy", Duration.ofMinutes(5)),
                    Map.entry("qmtemplate", Duration.ofMinutes(5)),
                    Map.entry("clustercreate", Duration.ofMinutes(3)),
                    // a join restarts corosync and pmxcfs and waits for quorum
                    Map.entry("clusterjoin", Duration.ofMinutes(10))));

    public PveTimeouts {
        positive(connect, "connect");
        positive(request, "request");
        positive(ticketRenewAfter, "ticketRenewAfter");
        positive(taskDefault, "taskDefault");
        taskByType = Map.copyOf(taskByType);
        taskByType.forEach((type, d) -> positive(d, "task " + type));
    }

    private static void positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("timeout '" + what + "' must be positive, got " + d);
        }
    }

    /** The wait bound for a task of UPID type {@code type}. */
    public Duration forTask(String type) {
        return taskByType.getOrDefault(type, taskDefault);
    }

    public PveTimeouts withConnect(Duration d) {
        return new PveTimeouts(d, request, ticketRenewAfter, taskDefault, taskByType);
    }

    public PveTimeouts withRequest(Duration d) {
        return new PveTimeouts(connect, d, ticketRenewAfter, taskDefault, taskByType);
    }

    public PveTimeouts withTicketRenewAfter(Duration d) {
        return new PveTimeouts(connect, request, d, taskDefault, taskByType);
    }

    public PveTimeouts withTaskDefault(Duration d) {
        return new PveTimeouts(connect, request, ticketRenewAfter, d, taskByType);
    }

    /** A copy with the wait bound for task type {@code type} replaced. */
    public PveTimeouts withTask(String type, Duration d) {
        Map<String, Duration> m = new HashMap<>(taskByType);
        m.put(Objects.requireNonNull(type, "type"), d);
        return new PveTimeouts(connect, request, ticketRenewAfter, taskDefault, m);
    }
}
