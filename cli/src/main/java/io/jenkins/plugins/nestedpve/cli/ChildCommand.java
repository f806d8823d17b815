package io.jenkins.plugins.nestedpve.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the user's command of {@code nestedpve run} with the cluster's environment, streaming its
 * output, and ends it (and its descendants) on request.
 */
final class ChildCommand {
    /** How long an ended command gets to exit before it is killed. */
    private static final long GRACE_SECONDS = 10;

    private ChildCommand() {}

    /**
     * Starts {@code command}.
     *
     * @param env added to this process's environment (secrets included: only the child sees them)
     * @throws CliException when the command cannot be started (exit 127, as a shell reports it)
     */
    static Process start(List<String> command, Map<String, String> env, Path workDir) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.INHERIT);
        try {
            return pb.start();
        } catch (IOException e) {
            throw new CliException(
                    127,
                    "cannot start " + command.get(0) + ": " + e.getMessage() + " — check the command and the PATH");
        }
    }

    /** Copies the command's output to {@code out} and {@code err} until it ends; returns its exit code. */
    static int await(Process p, PrintStream out, PrintStream err) throws InterruptedException {
        Thread o = pump(p.getInputStream(), out, "stdout");
        Thread e = pump(p.getErrorStream(), err, "stderr");
        int code = p.waitFor();
        // descendants that keep the pipes open must not hold us up
        o.join(TimeUnit.SECONDS.toMillis(2));
        e.join(TimeUnit.SECONDS.toMillis(2));
        return code;
    }

    /**
     * Ends {@code p} and its descendants: SIGTERM, then SIGKILL after a grace period. The command
     * itself is signalled before its descendants: a shell whose running child died first would go
     * on with its next statement. The descendants are listed before, as they leave the tree (to
     * init) when the command ends.
     */
    static void end(Process p) {
        List<ProcessHandle> tree = p.descendants().toList();
        p.destroy();
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!p.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
                List<ProcessHandle> left = p.descendants().toList();
                p.destroyForcibly();
                left.forEach(ProcessHandle::destroyForcibly);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }

    private static Thread pump(InputStream in, PrintStream target, String name) {
        Thread t = new Thread(() -> copy(in, target), "nestedpve-child-" + name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void copy(InputStream in, OutputStream target) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (target) {
                    target.write(buffer, 0, n);
                    target.flush();
                }
            }
        } catch (IOException e) {
            // the command ended or was killed: nothing more to copy
        }
    }
}
