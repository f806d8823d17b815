package io.jenkins.plugins.nestedpve.sim.http;

import io.jenkins.plugins.nestedpve.sim.tls.TlsIdentity;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocket;

/**
 * One client connection: TLS with the identity current at accept time, then requests until the
 * client or an answer ends the connection. Keep-alive as pveproxy: at most 100 requests, none after
 * an answer of 400 or more, none when the client asks for {@code close} or speaks HTTP/1.0 without
 * {@code Connection: keep-alive}; idle connections close after the idle timeout.
 */
final class Connection implements Runnable {
    /** pve-manager:PVE/Service/pveproxy.pm {@code keep_alive => 100}. */
    static final int MAX_REQUESTS = 100;

    private final Socket plain;
    private final Supplier<TlsIdentity> tls;
    private final ApiDispatcher dispatcher;
    private final Duration idleTimeout;
    private final Clock clock;
    private final Consumer<Connection> onClose;
    private volatile Socket socket;

    Connection(
            Socket plain,
            Supplier<TlsIdentity> tls,
            ApiDispatcher dispatcher,
            Duration idleTimeout,
            Clock clock,
            Consumer<Connection> onClose) {
        this.plain = plain;
        this.socket = plain;
        this.tls = tls;
        this.dispatcher = dispatcher;
        this.idleTimeout = idleTimeout;
        this.clock = clock;
        this.onClose = onClose;
    }

    @Override
    public void run() {
        try {
            plain.setSoTimeout((int) Math.max(1, idleTimeout.toMillis()));
            SSLSocket ssl =
                    (SSLSocket) tls.get().sslContext().getSocketFactory().createSocket(plain, null, true);
            ssl.setUseClientMode(false);
            socket = ssl;
            ssl.startHandshake();
            serve(new BufferedInputStream(ssl.getInputStream()), new BufferedOutputStream(ssl.getOutputStream()));
        } catch (IOException e) {
            // the client went away, timed out or refused our certificate: nothing to answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the server is closing
        } finally {
            close();
            onClose.accept(this);
        }
    }

    private void serve(InputStream in, OutputStream out) throws IOException, InterruptedException {
        HttpReader reader = new HttpReader(in, plain.getInetAddress().getHostAddress());
        for (int left = MAX_REQUESTS; left > 0; ) {
            HttpRequest request;
            try {
                request = reader.read();
            } catch (HttpProtocolException e) {
                HttpWriter.write(out, Reply.text(e.status(), e.getMessage()), "HTTP/1.1", false, null, clock.instant());
                return;
            }
            if (request == null) {
                return;
            }
            left--;
            Reply reply = dispatcher.handle(request);
            if (reply.isDropped()) {
                return; // the connection closes unanswered
            }
            boolean keepAlive = left > 0 && reply.status() < 400 && wantsKeepAlive(request) && !plain.isClosed();
            HttpWriter.write(
                    out, reply, request.protocol(), keepAlive, request.header("Accept-Encoding"), clock.instant());
            if (!keepAlive) {
                return;
            }
        }
    }

    // AnyEvent.pm process_header: "close" anywhere in Connection ends it; HTTP/1.0 needs a header.
    private static boolean wantsKeepAlive(HttpRequest request) {
        String conn = request.header("Connection");
        if (conn != null) {
            return !conn.toLowerCase(java.util.Locale.ROOT).contains("close");
        }
        return !request.isHttp10();
    }

    /** Closes the connection; a thread blocked on it fails and ends. Idempotent. */
    void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already broken; nothing else to release
        }
        try {
            plain.close();
        } catch (IOException e) {
            // already broken
        }
    }
}
