package io.jenkins.plugins.nestedpve.ssh;

import java.time.Duration;
import java.util.Objects;

/**
 * Runs commands on one machine over an SSH session that it opens again when the connection drops (sshd
 * restarting, a network blip, a dropped session). What it may do after a drop depends on the command:
 *
 * <ul>
 *   <li>an idempotent command ({@link #runIdempotent}: a read, or a write that sets a file's whole
 *       content) runs again on the new session, at most {@code maxReruns} times;
 *   <li>a command that changes state ({@link #runChanging}) is never run again blindly: a check (itself
 *       a read) runs on the new session and tells whether the command had taken effect; only when it
 *       had not is the command run again;
 *   <li>a plain {@link #run} has neither declaration, so a drop is reported as it is ({@link
 *       SshDisconnectedException}: the outcome is unknown).
 * </ul>
 *
 * <p>Every re-run and every check is reported to the {@link Observer}. Not thread-safe: one caller at a
 * time, like the session it wraps.
 */
public final class ResilientShell implements CommandRunner, AutoCloseable {
    /** Opens a new, verified session to the machine (the host key policy is the opener's). */
    @FunctionalInterface
    public interface Opener {
        SshSession open() throws InterruptedException;
    }

    /** Tells, over a fresh session, whether a state-changing command had taken effect. */
    @FunctionalInterface
    public interface EffectCheck {
        boolean tookEffect(CommandRunner shell) throws InterruptedException;
    }

    /** Hears about each fault absorbed; never sees secrets (activities are safe labels). */
    public interface Observer {
        Observer NONE = new Observer() {};

        /** {@code activity} ran again on a new connection after {@code why}. */
        default void reran(String activity, String why) {}

        /** After {@code why}, the check found that {@code activity} had ({@code tookEffect}) or had not run. */
        default void reconciled(String activity, boolean tookEffect, String why) {}
    }

    /**
     * How often an idempotent command runs again on a new connection after drops, by default: a read is
     * cheap to repeat, and a lab whose sshd or network drops a few sessions in a row should not fail a build.
     */
    public static final int RERUNS = 4;

    private final Opener opener;
    private final int maxReruns;
    private final Observer observer;
    private SshSession session;
    /** The session closed after its last drop, until its replacement is opened. */
    private SshSession lastDropped;

    /**
     * @param first the session to start with, or null to open one on first use
     * @param maxReruns how often one command may be run again after drops, at least 0
     */
    public ResilientShell(SshSession first, Opener opener, int maxReruns, Observer observer) {
        if (maxReruns < 0) {
            throw new IllegalArgumentException("maxReruns must be at least 0, got " + maxReruns);
        }
        this.session = first;
        this.opener = Objects.requireNonNull(opener, "opener");
        this.maxReruns = maxReruns;
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    /** The current session, opened when there is none. */
    public SshSession session() throws InterruptedException {
        if (session == null || !session.isOpen()) {
            SshSession dropped = session != null ? session : lastDropped;
            closeSession();
            session = opener.open();
            if (dropped != null) {
                dropped.replacedBy(session); // holders of the dropped session go on with the new one
            }
            lastDropped = null;
        }
        return session;
    }

    @Override
    public ExecResult run(String command, Duration timeout) throws InterruptedException {
        try {
            return session().run(command, timeout);
        } catch (SshDisconnectedException e) {
            closeSession();
            throw e;
        }
    }

    @Override
    public ExecResult runIdempotent(String command, Duration timeout) throws InterruptedException {
        for (int rerun = 0; ; rerun++) {
            try {
                return session().run(command, timeout);
            } catch (SshDisconnectedException e) {
                closeSession();
                if (rerun >= maxReruns) {
                    throw e;
                }
                observer.reran(e.activity(), e.getMessage());
            }
        }
    }

    /**
     * As {@link #runIdempotent(String, Duration)} for a command shown by its label and fed its standard
     * input (e.g. a secret, which must not be in a command line): after a drop it runs again, input
     * included, on a new connection, at most {@code maxReruns} times.
     */
    public ExecResult runIdempotent(SensitiveCommand command, Duration timeout) throws InterruptedException {
        for (int rerun = 0; ; rerun++) {
            try {
                return session().exec(command, timeout, LineSink.DISCARD, LineSink.DISCARD);
            } catch (SshDisconnectedException e) {
                closeSession();
                if (rerun >= maxReruns) {
                    throw e;
                }
                observer.reran(e.activity(), e.getMessage());
            }
        }
    }

    /**
     * Runs a command that changes state. After a drop, {@code check} runs on a new connection: when the
     * command had taken effect the result is a success with no output (callers of this method do not read
     * the output); when it had not, the command runs again, at most {@code maxReruns} times.
     */
    public ExecResult runChanging(String command, Duration timeout, EffectCheck check) throws InterruptedException {
        Objects.requireNonNull(check, "check");
        for (int rerun = 0; ; rerun++) {
            try {
                return session().run(command, timeout);
            } catch (SshDisconnectedException e) {
                closeSession();
                if (rerun >= maxReruns) {
                    throw e;
                }
                boolean done = check.tookEffect(checkRunner());
                observer.reconciled(e.activity(), done, e.getMessage());
                if (done) {
                    return new ExecResult(0, "", "");
                }
            }
        }
    }

    /** The check's reads are idempotent themselves, so they survive a drop as {@link #runIdempotent} does. */
    private CommandRunner checkRunner() {
        return new CommandRunner() {
            @Override
            public ExecResult run(String command, Duration timeout) throws InterruptedException {
                return ResilientShell.this.runIdempotent(command, timeout);
            }
        };
    }

    private void closeSession() {
        if (session != null) {
            session.close();
            lastDropped = session;
            session = null;
        }
    }

    @Override
    public void close() {
        closeSession();
    }

    @Override
    public String toString() {
        return "ResilientShell["
                + (session == null ? "not connected" : session.target().hostPort()) + "]";
    }
}
