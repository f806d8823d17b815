package io.jenkins.plugins.nestedpve.ssh;

import java.util.Objects;

/**
 * Where to log in: an SSH server and the account on it. Holds no secret; see {@link SshAuth}.
 *
 * @param host a host name or IP address (IPv6 without brackets)
 * @param port the SSH port, 1 to 65535
 * @param user the remote account, e.g. {@code root}
 */
public record SshTarget(String host, int port, String user) {
    public SshTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        if (host.isBlank()) {
            throw new IllegalArgumentException("SSH host must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SSH port must be 1..65535, got " + port);
        }
        if (user.isBlank()) {
            throw new IllegalArgumentException("SSH user must not be blank");
        }
    }

    /** {@code root} on {@code host:22}. */
    public static SshTarget root(String host) {
        return new SshTarget(host, 22, "root");
    }

    /** {@code host:port}, with an IPv6 address in brackets; the key under which host keys are known. */
    public String hostPort() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return user + "@" + hostPort();
    }
}
