package io.jenkins.plugins.nestedpve.sim.ssh;

import io.jenkins.plugins.nestedpve.sim.shell.HostKeys;
import io.jenkins.plugins.nestedpve.sim.shell.Shell;
import io.jenkins.plugins.nestedpve.sim.shell.VirtualFs;
import io.jenkins.plugins.nestedpve.sim.ssh.vfs.VfsSftp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.sshd.common.io.nio2.Nio2Session;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.SshServer;

/**
 * The SSH server of one simulated machine (Apache MINA sshd): exec requests run in the machine's
 * {@link Shell} with real exit statuses, a non-TTY shell channel, and SFTP on the machine's {@link
 * VirtualFs}. Host keys come from {@code /etc/ssh/ssh_host_{ed25519,ecdsa,rsa}_key} at every new
 * connection; passwords are checked against {@code /etc/shadow}, keys against {@code
 * ~/.ssh/authorized_keys}.
 *
 * <p>Faults: {@link #setAvailable(boolean) setAvailable(false)} closes the port (connections are
 * refused, as while a guest reboots), {@link #disconnectAll()} cuts open sessions, and {@link
 * #setExecFaults} cuts chosen exec requests. Closing twice is harmless.
 */
public final class SimSshServer implements AutoCloseable {
    private final Shell shell;
    private final VirtualFs fs;
    private final AcceptingServer sshd;
    private final ExecutorService workers;
    private volatile Function<String, ExecFault> execFaults = line -> ExecFault.NONE;
    private List<SocketAddress> bound;
    private boolean available;
    private boolean closed;

    /**
     * A server for the machine whose shell is {@code shell}; call {@link #start()}.
     *
     * @param host the address to bind (e.g. {@code 127.0.0.1} or a guest's loopback alias)
     * @param port the port; 0 picks a free one (see {@link #port()})
     */
    public SimSshServer(Shell shell, String host, int port) {
        this.shell = Objects.requireNonNull(shell, "shell");
        this.fs = shell.context().fs();
        this.workers = Executors.newCachedThreadPool(daemonThreads());
        this.sshd = (AcceptingServer)
                ServerBuilder.builder().factory(AcceptingServer::new).build();
        // Without it the server's small packets (exit-status, EOF, CLOSE) wait for the client's
        // delayed ACK (Nagle), ~40 ms per exec on Linux loopback.
        CoreModuleProperties.TCP_NODELAY.set(sshd, true);
        sshd.setHost(Objects.requireNonNull(host, "host"));
        sshd.setPort(port);
        VfsAuthenticator auth = new VfsAuthenticator(fs);
        sshd.setKeyPairProvider(new VfsHostKeyProvider(fs));
        sshd.setPasswordAuthenticator(auth);
        sshd.setPublickeyAuthenticator(auth);
        sshd.setKeyboardInteractiveAuthenticator(null);
        sshd.setCommandFactory((channel, command) -> new ExecCommand(command, shell, workers, this::fault));
        sshd.setShellFactory(channel -> new ShellChannelCommand(shell, workers));
        sshd.setFileSystemFactory(VfsSftp.fileSystemFactory(fs, shell.context().clock()));
        sshd.setSubsystemFactories(List.of(VfsSftp.subsystemFactory()));
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "sim-ssh-exec-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private ExecFault fault(String commandLine) {
        ExecFault f = execFaults.apply(commandLine);
        return f == null ? ExecFault.NONE : f;
    }

    /**
     * Binds the port and accepts connections.
     *
     * @throws IOException when the address cannot be bound
     */
    public synchronized SimSshServer start() throws IOException {
        if (closed) {
            throw new IllegalStateException("SSH server was closed; create a new one");
        }
        sshd.start();
        bound = List.copyOf(sshd.getBoundAddresses());
        available = true;
        return this;
    }

    /** The bound address. */
    public String host() {
        return sshd.getHost();
    }

    /** The bound port (the chosen one when created with port 0). */
    public int port() {
        return sshd.getPort();
    }

    /** SHA-256 fingerprints of the host keys new connections will see, by type ({@code ed25519 -> SHA256:...}). */
    public Map<String, String> hostKeyFingerprints() {
        return HostKeys.fingerprints(fs);
    }

    /**
     * Opens or closes the port. While unavailable, connection attempts are refused (the machine
     * is booting or down); open sessions are not affected (see {@link #disconnectAll()}).
     *
     * @throws UncheckedIOException when the port cannot be bound again
     */
    public synchronized void setAvailable(boolean value) {
        if (bound == null || closed || value == available) {
            available = value && !closed;
            return;
        }
        if (value) {
            try {
                sshd.acceptor().bind(bound);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cannot reopen SSH port " + bound + "; is it taken by another process?", e);
            }
        } else {
            sshd.acceptor().unbind(bound);
        }
        available = value;
    }

    public synchronized boolean isAvailable() {
        return available;
    }

    /**
     * Sets the fault hook consulted for every exec request with its command line (the model's
     * seeded fault injection); {@code null} results count as {@link ExecFault#NONE}.
     */
    public void setExecFaults(Function<String, ExecFault> hook) {
        this.execFaults = Objects.requireNonNull(hook, "hook");
    }

    /**
     * Cuts every open session at once (a network cut); as under sshd, running commands go on until they write
     * (closing the server, as when the machine goes down, ends them).
     */
    public void disconnectAll() {
        for (Session session : sshd.getActiveSessions()) {
            session.close(true);
        }
    }

    /** Whether each open session's socket has {@code TCP_NODELAY} set on the server side. */
    List<Boolean> sessionsTcpNoDelay() throws IOException {
        List<Boolean> out = new java.util.ArrayList<>();
        for (Session session : sshd.getActiveSessions()) {
            if (session.getIoSession() instanceof Nio2Session nio) {
                out.add(nio.getSocket().getOption(StandardSocketOptions.TCP_NODELAY));
            }
        }
        return out;
    }

    /** Number of open SSH sessions. */
    public int activeSessions() {
        return sshd.getActiveSessions().size();
    }

    /** Stops the server and its command threads; harmless to call twice. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        available = false;
        try {
            ((SshServer) sshd).stop(true);
        } finally {
            workers.shutdownNow();
        }
    }
}
