package io.jenkins.plugins.nestedpve.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP relay on 127.0.0.1 in front of a server that can {@link #freeze()}: from then on it swallows
 * every byte in both directions while keeping the connections open, like a network path that died
 * without a reset. Only keep-alive can notice that.
 */
final class BlackholeProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final InetSocketAddress upstream;
    private final ExecutorService pumps = Executors.newCachedThreadPool();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean frozen;

    BlackholeProxy(InetSocketAddress upstream) throws IOException {
        this.upstream = upstream;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pumps.execute(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    void freeze() {
        frozen = true;
    }

    private void accept() {
        try {
            while (true) {
                Socket client = listener.accept();
                Socket server = new Socket(upstream.getAddress(), upstream.getPort());
                sockets.add(client);
                sockets.add(server);
                pumps.execute(() -> relay(client, server));
                pumps.execute(() -> relay(server, client));
            }
        } catch (IOException closed) {
            // the proxy was closed
        }
    }

    private void relay(Socket from, Socket to) {
        byte[] buf = new byte[8192];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buf)) != -1) {
                if (!frozen) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            }
            to.shutdownOutput();
        } catch (IOException closed) {
            // one side went away; closing the proxy tidies up the rest
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : sockets) {
            s.close();
        }
        pumps.shutdownNow();
    }
}
