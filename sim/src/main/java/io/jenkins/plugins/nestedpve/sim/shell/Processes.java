package io.jenkins.plugins.nestedpve.sim.shell;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The running {@code bash -c} processes of one machine by process id, and {@code kill} on them. As sshd starts each
 * session's command as the leader of its own process group, a process group id is the id of the shell of an exec,
 * and killing the group ends that exec with what it runs in the foreground. A killed exec's thread is interrupted:
 * the command stops at its next step, as a process does on a fatal signal. Background jobs of the exec are not
 * followed (deviation: under bash they share the group and die with it).
 */
final class Processes {
    /** Signals whose default action ends a process (names without SIG, and their Linux numbers). */
    private static final Set<String> FATAL = Set.of(
            "HUP", "INT", "QUIT", "KILL", "PIPE", "ALRM", "TERM", "USR1", "USR2", "1", "2", "3", "9", "13", "14", "15",
            "10", "12");
    /** Signals that stop, continue or are ignored by default: no effect here. */
    private static final Set<String> HARMLESS =
            Set.of("CONT", "STOP", "TSTP", "WINCH", "CHLD", "URG", "18", "19", "20", "28", "17", "23");

    private final Map<Long, Handle> running = new ConcurrentHashMap<>();

    /** One exec's shell: interrupted only while it still runs (its thread may run another exec later). */
    private static final class Handle {
        private final Thread thread;
        private boolean ended;

        Handle(Thread thread) {
            this.thread = thread;
        }

        synchronized void end() {
            ended = true;
        }

        synchronized boolean signal(boolean fatal) {
            if (ended) {
                return false;
            }
            if (fatal) {
                thread.interrupt();
            }
            return true;
        }
    }

    void started(long pid, Thread thread) {
        running.put(pid, new Handle(thread));
    }

    void ended(long pid) {
        Handle h = running.remove(pid);
        if (h != null) {
            h.end();
        }
    }

    /** {@code kill [-s SIG | -SIG] [--] [-]ID...} with bash's messages; signal 0 only checks that the ID exists. */
    int kill(Invocation inv) {
        List<String> args = inv.params();
        int i = 0;
        String signal = "TERM";
        if (i + 1 < args.size() && args.get(i).equals("-s")) {
            signal = args.get(i + 1);
            i += 2;
        } else if (i < args.size() && args.get(i).matches("-([A-Z]+|[0-9]+)")) {
            signal = args.get(i).substring(1);
            i++;
        }
        signal = signal.replaceFirst("^SIG", "");
        boolean check = signal.equals("0");
        if (!check && !FATAL.contains(signal) && !HARMLESS.contains(signal)) {
            inv.err().println("bash: kill: " + signal + ": invalid signal specification");
            return 1;
        }
        if (i < args.size() && args.get(i).equals("--")) {
            i++;
        }
        if (i >= args.size()) {
            inv.err()
                    .println("kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l"
                            + " [sigspec]");
            return 2;
        }
        int status = 0;
        for (String id : args.subList(i, args.size())) {
            if (!id.matches("-?[0-9]+")) {
                inv.err().println("bash: kill: " + id + ": arguments must be process or job IDs");
                status = 1;
                continue;
            }
            Handle target = running.get(Math.abs(Long.parseLong(id)));
            if (target == null || !target.signal(!check && FATAL.contains(signal))) {
                inv.err().println("bash: kill: (" + id.replaceFirst("^-", "") + ") - No such process");
                status = 1;
            }
        }
        return status;
    }
}
