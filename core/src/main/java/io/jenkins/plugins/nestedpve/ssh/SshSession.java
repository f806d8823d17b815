package io.jenkins.plugins.nestedpve.ssh;

import io.jenkins.plugins.nestedpve.wait.Deadline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.DisconnectReason;
import net.schmizz.sshj.sftp.FileAttributes;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.sftp.SFTPException;

/**
 * An authenticated SSH connection to one machine, opened by {@link SshConnector}: runs commands
 * with streamed output and a deadline, and uploads files over SFTP. Commands may run concurrently
 * (one channel each). Close it when done; closing twice is harmless.
 */
public final class SshSession implements CommandRunner, AutoCloseable {
    private static final int SFTP_CHUNK = 32 * 1024;
    /** How long killing a given-up command's processes may take. */
    private static final long KILL_MILLIS = 3000;

    private final SSHClient client;
    private final SshTarget target;
    private final HostKeyFingerprint hostKey;
    private final SshTimeouts timeouts;
    private final Clock clock;
    private final ExecutorService readers;
    private final AtomicReference<String> dropped = new AtomicReference<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Set<RemoteExec> running = ConcurrentHashMap.newKeySet();
    /** The session a {@link ResilientShell} opened in place of this one after it dropped, if any. */
    private volatile SshSession successor;

    SshSession(SSHClient client, SshTarget target, HostKeyFingerprint hostKey, SshTimeouts timeouts, Clock clock) {
        this.client = client;
        this.target = target;
        this.hostKey = hostKey;
        this.timeouts = timeouts;
        this.clock = clock;
        this.readers = Executors.newCachedThreadPool(readerThreads(target));
        // called by sshj before the channels learn of the failure, so failure() can tell a dropped
        // connection from a failed command without racing the transport's shutdown
        client.getTransport()
                .setDisconnectListener((reason, message) -> dropped.compareAndSet(
                        null, reason == DisconnectReason.UNKNOWN ? String.valueOf(message) : reason + ": " + message));
    }

    public SshTarget target() {
        return target;
    }

    /** The host key the server presented, accepted by the policy; pin it for later connections. */
    public HostKeyFingerprint hostKey() {
        return hostKey;
    }

    /** Whether the connection is up and the session not closed. */
    public boolean isOpen() {
        SshSession next = successor;
        if (next != null) {
            return next.isOpen();
        }
        return !closed.get() && client.isConnected() && client.getTransport().isRunning();
    }

    /**
     * Records that {@code next} replaced this dropped session: whoever still holds this one runs its later
     * commands on {@code next} (a new command on a live connection, never a re-run of one that dropped).
     */
    void replacedBy(SshSession next) {
        if (next != this) {
            successor = next;
        }
    }

    /** Runs {@code command} and collects its output; see {@link #exec(SensitiveCommand, Deadline, LineSink, LineSink)}. */
    @Override
    public ExecResult run(String command, Duration timeout) throws InterruptedException {
        return exec(command, timeout, LineSink.DISCARD, LineSink.DISCARD);
    }

    /** As {@link #exec(SensitiveCommand, Deadline, LineSink, LineSink)}, labelled by its first word. */
    public ExecResult exec(String command, Duration timeout, LineSink stdout, LineSink stderr)
            throws InterruptedException {
        return exec(SensitiveCommand.plain(command), timeout, stdout, stderr);
    }

    /** As {@link #exec(SensitiveCommand, Deadline, LineSink, LineSink)}, labelled by its first word. */
    public ExecResult exec(String command, Deadline deadline, LineSink stdout, LineSink stderr)
            throws InterruptedException {
        return exec(SensitiveCommand.plain(command), deadline, stdout, stderr);
    }

    /** As {@link #exec(SensitiveCommand, Deadline, LineSink, LineSink)} with a timeout from now. */
    public ExecResult exec(SensitiveCommand command, Duration timeout, LineSink stdout, LineSink stderr)
            throws InterruptedException {
        return execute(command, Deadline.after(clock, timeout), timeout, stdout, stderr);
    }

    /**
     * Runs {@code command} through the login shell of the remote user, sends its stdin (then
     * end-of-file), and streams each output line (UTF-8) to the sinks as it arrives. A non-zero exit
     * is a result, not an exception; a command killed by a signal exits with 128 + the signal number.
     * The result holds the last 1 MiB of each stream; the sinks see everything.
     *
     * @throws SshTimeoutException when {@code deadline} passes first: the command was killed and its
     *     channel closed; the message names only the command's label and the host
     * @throws SshDisconnectedException when the connection dropped while the command ran
     * @throws InterruptedException when the calling thread is interrupted: the command was killed and
     *     its channel closed
     * @throws RuntimeException whatever a sink threw (the command was killed)
     */
    public ExecResult exec(SensitiveCommand command, Deadline deadline, LineSink stdout, LineSink stderr)
            throws InterruptedException {
        return execute(command, deadline, deadline.remaining(), stdout, stderr);
    }

    private ExecResult execute(
            SensitiveCommand command, Deadline deadline, Duration budget, LineSink stdout, LineSink stderr)
            throws InterruptedException {
        SshSession next = successor;
        if (next != null) {
            return next.execute(command, deadline, budget, stdout, stderr);
        }
        ensureOpen("`" + command.label() + "`");
        KillableChannel session;
        try {
            session = openChannel("`" + command.label() + "`");
        } catch (SshException e) {
            throw asInterruptionIfCaused(e, command.label());
        }
        RemoteExec exec = new RemoteExec(this, readers, command, deadline, budget);
        running.add(exec);
        try {
            if (closed.get()) { // closed while this was being opened: close() may have missed it
                throw new IllegalStateException(
                        "SSH session to " + target + " is closed; cannot run `" + command.label() + "`");
            }
            return exec.run(session, stdout, stderr);
        } finally {
            running.remove(exec);
            closeQuietly(session);
        }
    }

    /**
     * Opening a channel and sending the exec request wait inside sshj on the calling thread, and sshj
     * turns an interrupt of that wait into its own I/O exception; callers of {@link #exec} are
     * promised an {@link InterruptedException} for an interrupt, so translate it back. (Once the
     * command runs, {@link RemoteExec} sees the caller's interrupt itself; a reader thread's
     * interruption is not the caller's.)
     */
    static SshException asInterruptionIfCaused(SshException e, String label) throws InterruptedException {
        boolean interrupted = Thread.interrupted();
        for (Throwable t = e; t != null && !interrupted; t = t.getCause()) {
            interrupted = t instanceof InterruptedException || t instanceof java.io.InterruptedIOException;
        }
        if (interrupted) {
            InterruptedException ie = new InterruptedException("interrupted while running `" + label + "`");
            ie.initCause(e);
            throw ie;
        }
        return e;
    }

    /** Uploads {@code content} as UTF-8; see {@link #upload(byte[], String, int)}. */
    public void upload(String content, String remotePath, int mode) {
        upload(content.getBytes(StandardCharsets.UTF_8), remotePath, mode);
    }

    /**
     * Writes {@code content} to {@code remotePath} over SFTP, replacing the file, and sets its
     * permission bits to {@code mode} (e.g. {@code 0600}). The file is created with {@code mode}
     * already, so a secret is never readable by others, even briefly.
     *
     * @throws SshException naming the path and the SFTP status (e.g. no such directory)
     * @throws SshDisconnectedException when the connection dropped during the transfer
     */
    public void upload(byte[] content, String remotePath, int mode) {
        if (mode < 0 || mode > 07777) {
            throw new IllegalArgumentException("mode must be 0 to 07777 (octal), got " + Integer.toOctalString(mode));
        }
        SshSession next = successor;
        if (next != null) {
            next.upload(content, remotePath, mode);
            return;
        }
        String activity = "SFTP upload to " + remotePath;
        ensureOpen(activity);
        try (SFTPClient sftp = client.newSFTPClient()) {
            sftp.getSFTPEngine().setTimeoutMs(SshTimeouts.millis(timeouts.sftp()));
            FileAttributes attrs =
                    new FileAttributes.Builder().withPermissions(mode).build();
            try (RemoteFile file =
                    sftp.open(remotePath, EnumSet.of(OpenMode.WRITE, OpenMode.CREAT, OpenMode.TRUNC), attrs)) {
                for (int off = 0; off < content.length; off += SFTP_CHUNK) {
                    file.write(off, content, off, Math.min(SFTP_CHUNK, content.length - off));
                }
            }
            // the mode given at creation is cut by the server's umask and ignored for an existing file
            sftp.chmod(remotePath, mode);
        } catch (IOException e) {
            if (e instanceof SFTPException refused && dropped.get() == null && client.isConnected()) {
                throw new SshException(
                        activity + " on " + target.hostPort() + " failed: " + refused.getStatusCode()
                                + " (check that the directory exists and " + target.user() + " may write there)",
                        e);
            }
            throw failure(activity, e);
        }
    }

    /**
     * Disconnects; harmless when already closed. Commands still running (when another thread closes the session
     * to stop them) are killed with their process groups first.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            killRunning(); // from another thread: kill what still runs before hanging up
            readers.shutdownNow();
            try {
                client.disconnect();
            } catch (IOException | RuntimeException e) {
                // the socket is closed either way; nothing to report while tearing down
            }
        }
    }

    /** Gives up on every command still running, in parallel, each bounded (see {@link RemoteKill}). */
    private void killRunning() {
        List<Future<?>> kills = new ArrayList<>();
        for (RemoteExec exec : running) {
            kills.add(readers.submit(exec::giveUp));
        }
        for (Future<?> kill : kills) {
            BoundedWait.get(kill, KILL_MILLIS * 5); // best effort: the connection is closed next either way
        }
    }

    /** Translates an I/O failure of {@code activity} into this package's exceptions. */
    SshException failure(String activity, Throwable cause) {
        String reason = dropped.get();
        if (reason != null || !client.isConnected()) {
            return new SshDisconnectedException(
                    target.hostPort(),
                    activity,
                    "SSH connection to " + target.hostPort() + " dropped while running " + activity
                            + (reason == null ? "" : " (" + reason + ")")
                            + "; the machine may have rebooted or sshd restarted. Reconnect and check whether"
                            + " it took effect",
                    cause);
        }
        return new SshException(
                activity + " on " + target.hostPort() + " failed: "
                        + cause.getClass().getSimpleName() + ": " + cause.getMessage(),
                cause);
    }

    /**
     * Kills the process group {@code pgid} (and, with {@code alsoLeader}, the process {@code pgid}) on the remote
     * machine through a new channel: best effort, never throws, at most {@link #KILL_MILLIS} in all (the work
     * runs on a reader thread). Works also on an interrupted thread (the interrupt is kept): giving up after an
     * interrupt is when it is needed most.
     */
    void killProcessGroup(long pgid, boolean alsoLeader) {
        if (dropped.get() != null || !client.isConnected()) {
            return;
        }
        String kill = "kill -KILL -- -" + pgid + " 2>/dev/null; "
                + (alsoLeader ? "kill -KILL " + pgid + " 2>/dev/null; " : "") + "true";
        Future<?> work;
        try {
            work = readers.submit(() -> runKill(kill));
        } catch (RuntimeException e) {
            return; // the session is closing and takes no more work
        }
        // the connection is gone or the kill takes too long: the command dies with its next write
        BoundedWait.get(work, KILL_MILLIS);
        work.cancel(true);
    }

    private Void runKill(String kill) {
        KillableChannel channel = null;
        try {
            channel = KillableChannel.open(client);
            channel.exec(kill);
            channel.join(KILL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (IOException | RuntimeException e) {
            // best effort, see killProcessGroup
        } finally {
            if (channel != null) {
                channel.closeWithoutWaiting();
            }
        }
        return null;
    }

    private KillableChannel openChannel(String activity) {
        try {
            return KillableChannel.open(client);
        } catch (IOException e) {
            throw failure(activity, e);
        }
    }

    private void ensureOpen(String activity) {
        if (closed.get()) {
            throw new IllegalStateException("SSH session to " + target + " is closed; cannot run " + activity);
        }
        if (dropped.get() != null || !client.isConnected()) {
            throw new SshDisconnectedException(
                    target.hostPort(),
                    activity,
                    "SSH connection to " + target.hostPort() + " is gone (" + dropped.get() + "); cannot run "
                            + activity + ". Open a new session",
                    null);
        }
    }

    private static void closeQuietly(KillableChannel session) {
        try {
            session.close();
        } catch (IOException | RuntimeException e) {
            // closing an already closed channel, or the connection is gone
        }
    }

    private static ThreadFactory readerThreads(SshTarget target) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "ssh-output " + target.hostPort() + " #" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public String toString() {
        return "SshSession[" + target + (closed.get() ? ", closed" : "") + "]";
    }
}
