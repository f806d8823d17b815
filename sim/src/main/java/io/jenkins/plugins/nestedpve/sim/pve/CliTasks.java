package io.jenkins.plugins.nestedpve.sim.pve;

import io.jenkins.plugins.nestedpve.sim.http.ApiException;
import io.jenkins.plugins.nestedpve.sim.http.Principal;
import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import io.jenkins.plugins.nestedpve.sim.model.SimTask;
import io.jenkins.plugins.nestedpve.sim.shell.Invocation;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * How PVE's CLI tools run API code: as root@pam, synchronously, printing the worker's output; a die
 * prints its message on stderr and exits 255 (pve-common:src/PVE/CLIHandler.pm).
 */
final class CliTasks {
    static final Principal ROOT = new Principal("root@pam", null);

    private CliTasks() {}

    /** Runs a task-starting call, waits, prints the log (without the TASK line); 0 when it succeeded. */
    static int runTask(PveMachine m, Invocation inv, Supplier<String> start) throws InterruptedException {
        String upid;
        try {
            upid = start.get();
        } catch (ApiException e) {
            return die(inv, e);
        }
        SimTask t = m.tasks().find(upid).orElseThrow();
        try {
            t.completion().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        for (String line : t.lines()) {
            if (!line.startsWith("TASK ")) {
                inv.out().println(line);
            }
        }
        if (t.succeeded()) {
            return 0;
        }
        inv.err().println(t.exitstatus().orElse("unknown error"));
        return 255;
    }

    /** Prints a die message like the CLI handler. */
    static int die(Invocation inv, RuntimeException e) {
        String msg = e.getMessage() == null ? e.toString() : e.getMessage().strip();
        if (e instanceof ApiException a && !a.errors().isEmpty()) {
            a.errors().forEach((k, v) -> inv.err().println(k + ": " + v));
        }
        inv.err().println(msg);
        return 255;
    }

    /** The value after {@code --name} or {@code -name}, or null. */
    static String option(java.util.List<String> args, String name) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--" + name) || a.equals("-" + name)) {
                return i + 1 < args.size() ? args.get(i + 1) : "";
            }
            if (a.startsWith("--" + name + "=")) {
                return a.substring(name.length() + 3);
            }
        }
        return null;
    }

    static boolean flag(java.util.List<String> args, String name) {
        String v = option(args, name);
        if (v == null) {
            return args.contains("--" + name) || args.contains("-" + name);
        }
        return !v.equals("0");
    }
}
