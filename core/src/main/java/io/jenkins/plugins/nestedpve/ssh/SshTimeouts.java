package io.jenkins.plugins.nestedpve.ssh;

import io.jenkins.plugins.nestedpve.wait.Backoff;
import java.time.Duration;
import java.util.Objects;

/**
 * Every SSH timeout in one place. sshj waits forever by default; each of these bounds one kind of
 * wait. Start from {@link #DEFAULTS} and change what differs with the {@code with...} methods.
 *
 * @param connect TCP connect of one attempt
 * @param socketRead one blocking socket read while connecting (a server that accepts but never
 *     speaks); after login sshj's reader keeps reading through it, and a dead peer is noticed by
 *     keep-alive instead
 * @param keepAlive interval between keep-alive requests that want a reply (whole seconds)
 * @param keepAliveMaxMissed unanswered keep-alives after which the connection is declared dead, so a
 *     vanished peer is noticed after about {@code keepAlive * keepAliveMaxMissed} even while a long
 *     command runs
 * @param transport key exchange, service requests and authentication
 * @param channel opening a channel and each channel request
 * @param sftp one SFTP request
 * @param retryBackoff delays between connection attempts while a machine boots
 */
public record SshTimeouts(
        Duration connect,
        Duration socketRead,
        Duration keepAlive,
        int keepAliveMaxMissed,
        Duration transport,
        Duration channel,
        Duration sftp,
        Backoff retryBackoff) {

    /** Defaults for lab networks: 10 s connect, a dead peer noticed after 45 s (3 keep-alives of 15 s). */
    public static final SshTimeouts DEFAULTS = new SshTimeouts(
            Duration.ofSeconds(10),
            Duration.ofSeconds(30),
            Duration.ofSeconds(15),
            3,
            Duration.ofSeconds(30),
            Duration.ofSeconds(15),
            Duration.ofSeconds(30),
            new Backoff(Duration.ofMillis(500), 2.0, Duration.ofSeconds(5)));

    public SshTimeouts {
        positive("connect", connect);
        positive("socketRead", socketRead);
        positive("transport", transport);
        positive("channel", channel);
        positive("sftp", sftp);
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        Objects.requireNonNull(keepAlive, "keepAlive");
        if (keepAlive.toSeconds() < 1) {
            throw new IllegalArgumentException("keepAlive must be at least 1 s, got " + keepAlive);
        }
        if (keepAliveMaxMissed < 1) {
            throw new IllegalArgumentException("keepAliveMaxMissed must be at least 1");
        }
    }

    /** These timeouts with another TCP connect timeout. */
    public SshTimeouts withConnect(Duration value) {
        return new SshTimeouts(
                value, socketRead, keepAlive, keepAliveMaxMissed, transport, channel, sftp, retryBackoff);
    }

    /** These timeouts with another read timeout while connecting. */
    public SshTimeouts withSocketRead(Duration value) {
        return new SshTimeouts(connect, value, keepAlive, keepAliveMaxMissed, transport, channel, sftp, retryBackoff);
    }

    /** These timeouts with other keep-alive settings: interval (whole seconds) and replies missed. */
    public SshTimeouts withKeepAlive(Duration interval, int maxMissed) {
        return new SshTimeouts(connect, socketRead, interval, maxMissed, transport, channel, sftp, retryBackoff);
    }

    /** These timeouts with other protocol waits: key exchange and login, channels, SFTP requests. */
    public SshTimeouts withProtocol(Duration transportTimeout, Duration channelTimeout, Duration sftpTimeout) {
        return new SshTimeouts(
                connect,
                socketRead,
                keepAlive,
                keepAliveMaxMissed,
                transportTimeout,
                channelTimeout,
                sftpTimeout,
                retryBackoff);
    }

    /** These timeouts with another backoff between connection attempts. */
    public SshTimeouts withRetryBackoff(Backoff value) {
        return new SshTimeouts(connect, socketRead, keepAlive, keepAliveMaxMissed, transport, channel, sftp, value);
    }

    private static void positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }

    /** Milliseconds for sshj's int-typed setters (0 would mean "forever" there, so at least 1). */
    static int millis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }
}
