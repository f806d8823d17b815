package io.jenkins.plugins.nestedpve.ssh;

import io.jenkins.plugins.nestedpve.wait.Deadline;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.schmizz.sshj.connection.ConnectionException;
import net.schmizz.sshj.connection.channel.direct.Signal;

/**
 * One remote command: opens a channel, streams both outputs through reader threads, and waits for
 * them from the calling thread with the deadline. sshj blocks in reads without a deadline, so the
 * waiting happens on futures (which honour the deadline and interrupts) and the calling thread
 * kills the command and closes the channel when it gives up.
 *
 * <p>How giving up kills the command on the server: {@link RemoteKill}.
 */
final class RemoteExec {
    /** Output kept per stream in the {@link ExecResult}: the last 1 MiB. */
    static final int MAX_KEPT_BYTES = 1024 * 1024;

    // Linux numbers, for the shell convention exit code = 128 + signal
    private static final Map<Signal, Integer> SIGNAL_NUMBERS = Map.ofEntries(
            Map.entry(Signal.HUP, 1),
            Map.entry(Signal.INT, 2),
            Map.entry(Signal.QUIT, 3),
            Map.entry(Signal.ILL, 4),
            Map.entry(Signal.ABRT, 6),
            Map.entry(Signal.FPE, 8),
            Map.entry(Signal.KILL, 9),
            Map.entry(Signal.USR1, 10),
            Map.entry(Signal.SEGV, 11),
            Map.entry(Signal.USR2, 12),
            Map.entry(Signal.PIPE, 13),
            Map.entry(Signal.ALRM, 14),
            Map.entry(Signal.TERM, 15));

    private final SshSession owner;
    private final ExecutorService readers;
    private final SensitiveCommand command;
    private final Deadline deadline;
    private final Duration timeout;
    private final long realEnd;
    private final RemoteKill kill;

    /** @param timeout the time the command was given, for messages */
    RemoteExec(
            SshSession owner, ExecutorService readers, SensitiveCommand command, Deadline deadline, Duration timeout) {
        this.owner = owner;
        this.readers = readers;
        this.command = command;
        this.deadline = deadline;
        this.timeout = timeout;
        // capped at ~100 years, so the nanosecond arithmetic cannot overflow
        Duration capped = timeout.compareTo(Duration.ofDays(36_500)) > 0 ? Duration.ofDays(36_500) : timeout;
        this.realEnd = System.nanoTime() + capped.toNanos();
        this.kill = new RemoteKill(owner);
    }

    ExecResult run(KillableChannel session, LineSink out, LineSink err) throws InterruptedException {
        KillableChannel cmd = start(session);
        Future<String> stdout = readers.submit(() -> new LinePump(cmd.getInputStream(), out, MAX_KEPT_BYTES).drain());
        Future<String> stderr = readers.submit(() -> {
            try {
                return new LinePump(cmd.getErrorStream(), err, MAX_KEPT_BYTES, kill::strip).drain();
            } finally {
                kill.stderrEnded();
            }
        });
        try {
            String o = await(stdout, cmd);
            String e = await(stderr, cmd);
            awaitClose(cmd);
            return new ExecResult(exitCode(cmd), o, e);
        } finally {
            // readers blocked in a read end on the interrupt (or on the channel's close)
            stdout.cancel(true);
            stderr.cancel(true);
        }
    }

    private KillableChannel start(KillableChannel session) throws InterruptedException {
        kill.starting(session);
        try {
            session.exec(kill.wrap(command.text()));
        } catch (IOException e) {
            // the exec request waits on the calling thread; sshj wraps an interrupt of that wait
            throw SshSession.asInterruptionIfCaused(owner.failure(activity(), e), command.label());
        }
        sendStdin(session);
        return session;
    }

    /**
     * Sends the input and then end-of-file, like {@code ssh host cmd < file}, so that a command
     * reading its input never waits for a terminal. A command may finish without reading and close
     * the channel first; that is not an error (a dropped connection shows while awaiting output).
     */
    private void sendStdin(KillableChannel session) {
        try {
            OutputStream stdin = session.getOutputStream();
            byte[] input = command.stdinBytes();
            if (input.length > 0) {
                stdin.write(input);
            }
            stdin.close();
        } catch (IOException e) {
            // the command ended before taking its input
        }
    }

    private String await(Future<String> reader, KillableChannel cmd) throws InterruptedException {
        while (true) {
            try {
                return reader.get(millisLeft(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (expired()) {
                    kill.giveUp();
                    throw timedOut();
                }
            } catch (InterruptedException e) {
                kill.giveUp();
                throw e;
            } catch (ExecutionException e) {
                kill.giveUp();
                throw rethrow(e.getCause());
            }
        }
    }

    /** Both streams ended; the exit status arrives with (before) the channel's close. */
    private void awaitClose(KillableChannel cmd) throws InterruptedException {
        try {
            cmd.join(millisLeft(), TimeUnit.MILLISECONDS);
        } catch (ConnectionException e) {
            if (Thread.interrupted()) { // sshj turns an interrupt into an exception, flag set
                kill.giveUp();
                throw new InterruptedException("interrupted while " + activity() + " was finishing");
            }
            if (expired()) {
                kill.giveUp();
                throw timedOut();
            }
            throw owner.failure(activity(), e);
        }
    }

    /** Gives up on the command from another thread (its session is closing); harmless before it started. */
    void giveUp() {
        kill.giveUp();
    }

    /*
     * The wait itself is real, so the command is also bounded by its timeout in real time: a deadline
     * on a clock that does not move on its own (a test's manual clock) can never leave a hung command
     * running forever.
     */
    private long millisLeft() {
        long real = TimeUnit.NANOSECONDS.toMillis(realEnd - System.nanoTime());
        return Math.max(1, Math.min(deadline.remaining().toMillis(), real));
    }

    private boolean expired() {
        return deadline.expired() || realEnd - System.nanoTime() <= 0;
    }

    private int exitCode(KillableChannel cmd) {
        Integer status = cmd.getExitStatus();
        if (status != null) {
            return status;
        }
        Signal signal = cmd.getExitSignal();
        if (signal != null) {
            return 128 + SIGNAL_NUMBERS.getOrDefault(signal, 127); // 255 for a signal sshj does not name
        }
        throw new SshException(activity() + " on " + owner.target().hostPort()
                + " ended without an exit status (the server closed the channel); check the server's sshd log");
    }

    private RuntimeException timedOut() {
        String hostPort = owner.target().hostPort();
        return new SshTimeoutException(
                hostPort,
                command.label(),
                timeout,
                activity() + " on " + hostPort + " did not finish within " + human(timeout)
                        + "; killed its processes and closed its channel. Give it more time or find out why"
                        + " it hangs; its output went to the sinks");
    }

    private RuntimeException rethrow(Throwable cause) {
        if (cause instanceof Error error) {
            throw error;
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime; // an output sink's own failure, unchanged
        }
        return owner.failure(activity(), cause);
    }

    private String activity() {
        return "`" + command.label() + "`";
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        return ms < 10_000 ? ms + " ms" : d.toSeconds() + " s";
    }
}
