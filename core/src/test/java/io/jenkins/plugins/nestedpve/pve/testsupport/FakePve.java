package io.jenkins.plugins.nestedpve.pve.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A scripted PVE API behind real HTTPS (JDK HttpsServer on 127.0.0.1, port 0) for client tests:
 * answers are queued per {@code "METHOD /path"} (path below /api2/json) and every request is logged.
 * Not a simulator: it knows nothing of PVE's semantics.
 */
public final class FakePve implements AutoCloseable {
    /** A request as received. */
    public record Request(String method, String path, String rawQuery, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            List<String> v = headers.get(name.toLowerCase());
            return v == null || v.isEmpty() ? null : v.get(0);
        }

        public JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("body is not JSON: " + body, e);
            }
        }
    }

    /** An answer: status and body text ("" for none). */
    public record Answer(int status, String body) {
        public static Answer data(String json) {
            return new Answer(200, "{\"data\":" + json + "}");
        }

        /** The same answer with {@code "total": n} added to the envelope (task log paging). */
        public Answer withTotal(int total) {
            return new Answer(status, body.substring(0, body.length() - 1) + ",\"total\":" + total + "}");
        }

        public static Answer error(int status, String message) {
            return new Answer(status, "{\"data\":null,\"message\":" + quote(message + "\n") + "}");
        }

        public static Answer empty(int status) {
            return new Answer(status, "");
        }

        static String quote(String s) {
            try {
                return new ObjectMapper().writeValueAsString(s);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final SelfSignedTls tls;
    private final HttpsServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final Map<String, Deque<Function<Request, Answer>>> scripted = new ConcurrentHashMap<>();
    private final Map<String, Function<Request, Answer>> fallback = new ConcurrentHashMap<>();
    private final List<Request> log = new CopyOnWriteArrayList<>();

    public FakePve(SelfSignedTls tls) throws IOException {
        // without TCP_NODELAY the JDK server's separate header and body writes meet the client's
        // delayed ACK: ~40 ms per keep-alive request. Read once, when the first server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.tls = tls;
        this.server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()));
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public SelfSignedTls tls() {
        return tls;
    }

    /** Queues one answer for the next request to {@code "METHOD /path"}. */
    public FakePve next(String key, Answer answer) {
        return next(key, r -> answer);
    }

    /** Queues one computed answer for the next request to {@code "METHOD /path"}. */
    public FakePve next(String key, Function<Request, Answer> answer) {
        scripted.computeIfAbsent(key, k -> new ArrayDeque<>()).add(answer);
        return this;
    }

    /** The answer for every request to {@code "METHOD /path"} once the queue is empty. */
    public FakePve always(String key, Function<Request, Answer> answer) {
        fallback.put(key, answer);
        return this;
    }

    public FakePve always(String key, Answer answer) {
        return always(key, r -> answer);
    }

    /** Every request received, in order. */
    public List<Request> log() {
        return List.copyOf(log);
    }

    /** The requests to {@code "METHOD /path"}. */
    public List<Request> requests(String key) {
        return log.stream()
                .filter(r -> (r.method() + " " + r.path()).equals(key))
                .toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            URI uri = ex.getRequestURI();
            String path = uri.getRawPath().replaceFirst("^/api2/json", "");
            String body;
            try (InputStream in = ex.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, List<String>> headers = new ConcurrentHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), List.copyOf(v)));
            Request req = new Request(ex.getRequestMethod(), path, uri.getRawQuery(), headers, body);
            log.add(req);
            Answer a = answer(req);
            byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
            ex.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                ex.getResponseBody().write(bytes);
            }
        }
    }

    private Answer answer(Request req) {
        String key = req.method() + " " + req.path();
        Deque<Function<Request, Answer>> q = scripted.get(key);
        Function<Request, Answer> f = q == null ? null : q.poll();
        if (f == null) {
            f = fallback.get(key);
        }
        return f == null ? Answer.error(501, "Method '" + key + "' not implemented") : f.apply(req);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
