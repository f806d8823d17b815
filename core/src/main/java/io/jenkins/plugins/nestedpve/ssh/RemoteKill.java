package io.jenkins.plugins.nestedpve.ssh;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How one remote command is killed when the client gives up on it. OpenSSH refuses signal requests for root
 * sessions ("session signalling requires privilege separation") and does not end a command whose channel closes
 * (it lives on until it writes). So the command line first reports its shell's process id on standard error, in a
 * header line the client takes out of the output; sshd starts every session command as the leader of its own
 * process group, and giving up kills that whole group through a second channel. Giving up happens once; a second
 * caller (the session closing while the command's own thread gives up) waits for the first to finish.
 */
final class RemoteKill {
    /** How long giving up waits for the process id header still in flight on the other stream. */
    private static final long HEADER_WAIT_MILLIS = 2000;
    /** How long a second caller waits for the first one's kill. */
    private static final long DONE_WAIT_MILLIS = 10_000;

    private final SshSession owner;
    private final String header =
            "nestedpve-pid-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    private final AtomicLong pid = new AtomicLong(-1);
    private final CountDownLatch headerSeen = new CountDownLatch(1);
    private final AtomicBoolean givenUp = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile KillableChannel channel;

    RemoteKill(SshSession owner) {
        this.owner = owner;
    }

    /** The command line to send: the header that reports the shell's process id, then {@code commandLine}. */
    String wrap(String commandLine) {
        return "printf '" + header + " %s\\n' \"$$\" >&2; " + commandLine;
    }

    /** The channel the command is about to be started on (before the exec request, so a kill can find it). */
    void starting(KillableChannel cmd) {
        channel = cmd;
    }

    /**
     * A line of standard error without the header: takes the process id out of it (whole line or its end, when
     * something without a line break was written before, e.g. a shell warning), and returns what else the line
     * holds, or null when nothing.
     */
    String strip(String line) {
        if (headerSeen.getCount() == 0) {
            return line;
        }
        int at = line.indexOf(header + " ");
        if (at < 0) {
            return line;
        }
        String value = line.substring(at + header.length() + 1);
        if (value.matches("[0-9]{1,10}")) {
            pid.set(Long.parseLong(value));
        }
        headerSeen.countDown(); // after the pid is set: giving up reads it once this opens
        return at == 0 ? null : line.substring(0, at);
    }

    /** Standard error ended: there is no header to wait for any more. */
    void stderrEnded() {
        headerSeen.countDown();
    }

    /**
     * Abandons the channel, then kills the command's process group (when it reported one; also when the shell has
     * ended, since a background child may still run in its group). In this order: OpenSSH drops the whole
     * connection when a request arrives for a channel it has already closed, which the killed command's would be.
     * Harmless before the command started; never throws.
     */
    void giveUp() {
        if (!givenUp.compareAndSet(false, true)) {
            awaitDone();
            return;
        }
        try {
            KillableChannel cmd = channel;
            if (cmd == null) {
                return;
            }
            boolean ended = cmd.getExitStatus() != null || cmd.getExitSignal() != null;
            if (ended || !cmd.isOpen()) {
                cmd.closeWithoutWaiting(); // no signal request for a channel the server may have freed
            } else {
                cmd.abandon();
            }
            long group = headerPid();
            if (group > 1) {
                owner.killProcessGroup(group, !ended);
            }
        } finally {
            done.countDown();
        }
    }

    /** Waits (also on an interrupted thread, keeping the interrupt) for the header still in flight. */
    private long headerPid() {
        BoundedWait.await(headerSeen, HEADER_WAIT_MILLIS);
        return pid.get();
    }

    private void awaitDone() {
        BoundedWait.await(done, DONE_WAIT_MILLIS);
    }
}
