package io.jenkins.plugins.nestedpve.ssh;

import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.ConnectionException;
import net.schmizz.sshj.connection.channel.direct.SessionChannel;
import net.schmizz.sshj.connection.channel.direct.Signal;
import net.schmizz.sshj.transport.TransportException;

/**
 * A session channel that can be abandoned without waiting. sshj's {@code close()} waits for the
 * server to confirm, and OpenSSH confirms only once the command's process has ended, which for a
 * hung command is never; {@link #abandon()} sends the close and returns.
 */
final class KillableChannel extends SessionChannel {
    private KillableChannel(SSHClient client) {
        super(client.getConnection(), client.getRemoteCharset());
    }

    /** Opens a new session channel on {@code client} (what {@code SSHClient.startSession()} does). */
    static KillableChannel open(SSHClient client) throws ConnectionException, TransportException {
        KillableChannel channel = new KillableChannel(client);
        channel.open();
        return channel;
    }

    /**
     * Asks the server to kill the command (OpenSSH honours this except for root sessions, which it
     * refuses with "session signalling requires privilege separation") and closes the channel
     * without waiting: the server then closes the command's pipes, so a command that still writes
     * dies of SIGPIPE. Best effort; never throws.
     */
    void abandon() {
        try {
            signal(Signal.KILL);
        } catch (TransportException | RuntimeException e) {
            // no connection left to carry the signal; closing below is all that remains
        }
        closeWithoutWaiting();
    }

    /**
     * Sends the close and returns; no request is sent first (for a channel that may have ended: OpenSSH drops
     * the connection on a request for a channel it has already closed). Never throws.
     */
    void closeWithoutWaiting() {
        if (isOpen()) {
            try {
                sendClose();
            } catch (TransportException | RuntimeException e) {
                // the connection is gone, and the channel with it
            }
        }
    }
}
