package io.jenkins.plugins.nestedpve.sim.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The listening socket, its accept thread and the worker pool: accepts TCP connections and hands
 * each to a worker at once (TLS and HTTP happen on the worker). Can unbind and re-bind the same port
 * to simulate pveproxy restarting.
 */
final class Listener implements AutoCloseable {
    /** Makes the connection object for an accepted socket; {@code onClose} must run when it ends. */
    interface Factory {
        Connection create(Socket plain, Consumer<Connection> onClose);
    }

    private static final int BACKLOG = 128;
    private static final long JOIN_MILLIS = 5_000;

    private final InetSocketAddress requested;
    private final Factory factory;
    private final ThreadPoolExecutor workers;
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger threadNo = new AtomicInteger();
    // volatile: read without the lock by request threads (log entries name the server)
    private volatile ServerSocket server;
    private volatile InetSocketAddress bound;
    private Thread acceptor;
    private boolean started;
    private boolean closed;

    Listener(InetSocketAddress requested, int maxConnections, Factory factory) {
        this.requested = requested;
        this.factory = factory;
        this.workers = new ThreadPoolExecutor(0, maxConnections, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "pve-api-" + requested.getPort() + "-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    synchronized void start() {
        if (closed) {
            throw new IllegalStateException("the API server is closed; build a new one");
        }
        if (started) {
            throw new IllegalStateException("the API server is already started on " + bound);
        }
        bind(requested);
        started = true;
    }

    synchronized void setAvailable(boolean available) {
        if (!started || closed || available == isAvailable()) {
            return;
        }
        if (available) {
            bind(bound);
        } else {
            unbind();
        }
    }

    boolean isAvailable() {
        ServerSocket ss = server;
        return ss != null && !ss.isClosed();
    }

    InetSocketAddress address() {
        InetSocketAddress b = bound;
        return b != null ? b : requested;
    }

    private void bind(InetSocketAddress address) {
        ServerSocket ss = null;
        try {
            ss = new ServerSocket();
            ss.setReuseAddress(true); // re-binding right after a simulated restart must work
            ss.bind(address, BACKLOG);
        } catch (IOException e) {
            closeQuietly(ss);
            throw new UncheckedIOException(
                    "cannot bind the simulated PVE API to " + address
                            + " - is the port in use? Pick another address or port 0",
                    e);
        }
        server = ss;
        bound = new InetSocketAddress(address.getAddress(), ss.getLocalPort());
        ServerSocket listening = ss;
        acceptor = new Thread(() -> acceptLoop(listening), "pve-api-accept-" + bound);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop(ServerSocket ss) {
        while (!ss.isClosed()) {
            Socket plain;
            try {
                plain = ss.accept();
            } catch (IOException e) {
                continue; // closed: the loop ends; otherwise a failed accept of one client
            }
            try {
                // answers are small writes after the request; Nagle would hold them for the client's delayed ACK
                plain.setTcpNoDelay(true);
            } catch (IOException e) {
                // the client is already gone; the connection fails on its own
            }
            Connection c = factory.create(plain, open::remove);
            open.add(c);
            try {
                workers.execute(c);
            } catch (RejectedExecutionException e) {
                open.remove(c); // too many connections (or closing): drop it, as pveproxy does past max_conn
                c.close();
            }
        }
    }

    // Closes the socket, waits for the accept thread, then drops every open connection.
    private void unbind() {
        closeQuietly(server);
        if (acceptor != null && acceptor != Thread.currentThread()) {
            try {
                acceptor.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Connection c : open) {
            c.close();
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (server != null) {
            unbind();
        }
        workers.shutdownNow();
        try {
            workers.awaitTermination(JOIN_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(ServerSocket ss) {
        if (ss == null) {
            return;
        }
        try {
            ss.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
