package io.jenkins.plugins.nestedpve.sim.shell;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The running {@code bash -c} processes of one machine by process id, and {@code kill} on them. As sshd starts each
 * session's command as the leader of its own process group, a process group id is the id of the shell of an exec,
 * and killing the group ends that exec with everything it runs. A killed exec's thread is interrupted: the command
 * stops at its next step, as a process does on SIGKILL.
 */
final class Processes {
    private final Map<Long, Thread> running = new ConcurrentHashMap<>();

    void started(long pid, Thread thread) {
        running.put(pid, thread);
    }

    void ended(long pid) {
        running.remove(pid);
    }

    /** {@code kill [-s SIG | -SIG] [--] [-]ID...} with bash's messages; signal 0 only checks that the ID exists. */
    int kill(Invocation inv) {
        List<String> args = inv.params();
        int i = 0;
        String signal = "TERM";
        if (i < args.size() && args.get(i).equals("-s") && i + 1 < args.size()) {
            signal = args.get(i + 1);
            i += 2;
        } else if (i < args.size() && args.get(i).matches("-([A-Z]+|[0-9]+)")) {
            signal = args.get(i).substring(1);
            i++;
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
        boolean check = signal.equals("0");
        int status = 0;
        for (String id : args.subList(i, args.size())) {
            if (!id.matches("-?[0-9]+")) {
                inv.err().println("bash: kill: " + id + ": arguments must be process or job IDs");
                status = 1;
                continue;
            }
            Thread target = running.get(Math.abs(Long.parseLong(id)));
            if (target == null) {
                inv.err().println("bash: kill: (" + id.replaceFirst("^-", "") + ") - No such process");
                status = 1;
            } else if (!check) {
                target.interrupt();
            }
        }
        return status;
    }
}
