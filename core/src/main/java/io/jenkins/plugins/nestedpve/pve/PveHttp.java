package io.jenkins.plugins.nestedpve.pve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.jenkins.plugins.nestedpve.wait.Sleeper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;

/**
 * The HTTP exchange with one PVE API: pinned TLS, HTTP/1.1, authentication headers, the {@code
 * {"data":...}} envelope, error mapping, retries by {@link RetryPolicy} and the request trace.
 */
final class PveHttp implements AutoCloseable {
    /** An answer: the status and the parsed body (null when empty or not JSON). */
    private record Answer(int status, JsonNode body) {}

    private final PveEndpoint endpoint;
    private final String base;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Clock clock;
    private final Sleeper sleeper;
    private final RetryPolicy retry;
    private final PveClient.Listener listener;
    private final AuthSession session;
    private final PinnedTrustManager trust;
    private final ExecutorService executor;
    private final HttpClient http;
    private final AtomicBoolean closed = new AtomicBoolean();

    PveHttp(PveEndpoint endpoint, Clock clock, Sleeper sleeper, RetryPolicy retry, PveClient.Listener listener) {
        this.endpoint = endpoint;
        this.base = endpoint.baseUri().toString();
        this.clock = clock;
        this.sleeper = sleeper;
        this.retry = retry;
        this.listener = listener;
        this.session = new AuthSession(
                endpoint.credentials(), clock, endpoint.timeouts().ticketRenewAfter());
        this.trust = new PinnedTrustManager(endpoint.fingerprint(), endpoint.host(), endpoint.port());
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "pve-http-" + endpoint.host());
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(endpoint.timeouts().connect())
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(sslContext(trust))
                .executor(executor)
                .build();
    }

    private static SSLContext sslContext(PinnedTrustManager trust) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {trust}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this JVM: " + e.getMessage(), e);
        }
    }

    ObjectMapper mapper() {
        return mapper;
    }

    AuthSession session() {
        return session;
    }

    /**
     * Sends a request and returns the whole envelope of a successful answer ({@code data} plus e.g.
     * {@code total}). GET and DELETE parameters go in the query string, POST and PUT parameters in a
     * JSON body.
     *
     * @throws PveApiException for an error answer (after the retries the policy allows)
     * @throws PveAmbiguousOutcomeException when a non-idempotent request may have been processed
     * @throws PveTransportException when no answer arrived
     * @throws FingerprintMismatchException when the server's certificate is not the pinned one
     */
    JsonNode call(String method, String path, Map<String, ?> params) {
        return call(method, path, params, true);
    }

    private JsonNode call(String method, String path, Map<String, ?> params, boolean authenticated) {
        if (closed.get()) {
            throw new IllegalStateException("PveClient for " + endpoint.host() + " is closed");
        }
        boolean idempotent = RetryPolicy.isIdempotent(method, path, params);
        for (int attempt = 0; ; attempt++) {
            try {
                Answer a = authenticated
                        ? sendWithAuth(method, path, params, attempt)
                        : send(method, path, params, Map.of(), attempt);
                if (a.status() >= 200 && a.status() < 300) {
                    return a.body() == null ? NullNode.getInstance() : a.body();
                }
                PveErrorResponse err = PveErrors.decode(method, path, a.status(), a.body());
                if (retry.retryAnswer(idempotent, err.httpStatus(), err.text(), attempt)) {
                    pause(attempt);
                    continue;
                }
                throw failure(err, idempotent);
            } catch (TransportFailure f) {
                if (retry.retryTransport(idempotent, f.nothingSent, attempt)) {
                    pause(attempt);
                    continue;
                }
                PveTransportException e = f.toException(method, path, endpoint);
                if (!idempotent && !f.nothingSent) {
                    throw new PveAmbiguousOutcomeException(method, path, null, e);
                }
                throw e;
            }
        }
    }

    private RuntimeException failure(PveErrorResponse err, boolean idempotent) {
        PveApiException e = PveErrors.toException(err, session.credentials());
        if (!idempotent && !e.isRetryableLockTimeout() && RetryPolicy.isTransient(err.httpStatus(), err.text())) {
            // a gateway-type answer to a request PVE may already have acted on
            return new PveAmbiguousOutcomeException(err.method(), err.path(), null, e);
        }
        return e;
    }

    /** Sends once; after a 401 with ticket credentials logs in again and sends once more. */
    private Answer sendWithAuth(String method, String path, Map<String, ?> params, int attempt)
            throws TransportFailure {
        Answer a = send(method, path, params, session.headers(method, this::login), attempt);
        if (a.status() == 401 && session.canRelogin()) {
            // PVE refused the request in its auth handler, before acting on it: safe to repeat
            session.invalidate();
            a = send(method, path, params, session.headers(method, this::login), attempt + 1);
        }
        return a;
    }

    private AuthSession.Ticket login(PveCredentials.PasswordTicket creds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", creds.username());
        body.put("password", creds.password());
        JsonNode data = call("POST", "/access/ticket", body, false).path("data");
        String ticket = Json.asString(data, "ticket");
        String csrf = Json.asString(data, "CSRFPreventionToken");
        if (ticket == null || csrf == null) {
            throw new PveTransportException(
                    "POST /access/ticket answered without ticket or CSRF token; is this a PVE API?",
                    "POST",
                    "/access/ticket",
                    false,
                    null);
        }
        return new AuthSession.Ticket(ticket, csrf, clock.instant());
    }

    private Answer send(String method, String path, Map<String, ?> params, Map<String, String> headers, int attempt)
            throws TransportFailure {
        HttpRequest request = build(method, path, params, headers);
        long started = System.nanoTime();
        int status = 0;
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            status = response.statusCode();
            return new Answer(status, parse(response.body()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PveInterruptedException(method + " " + path + " interrupted", e);
        } catch (IOException e) {
            FingerprintMismatchException mismatch = mismatchIn(e);
            if (mismatch != null) {
                throw mismatch;
            }
            throw new TransportFailure(e, isConnectFailure(e));
        } finally {
            trace(new RequestTrace(
                    method,
                    path,
                    RequestTrace.redact(params),
                    status,
                    (System.nanoTime() - started) / 1_000_000,
                    attempt));
        }
    }

    private void trace(RequestTrace t) {
        try {
            listener.onRequest(t);
        } catch (RuntimeException e) {
            // a failing log hook must not turn a finished API call into a failure
        }
    }

    private HttpRequest build(String method, String path, Map<String, ?> params, Map<String, String> headers) {
        boolean inQuery = method.equals("GET") || method.equals("DELETE");
        String query = inQuery && !params.isEmpty() ? "?" + PveEncoding.query(params) : "";
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path + query))
                .timeout(endpoint.timeouts().request())
                .header("Accept", "application/json");
        headers.forEach(b::header);
        if (inQuery || params.isEmpty()) {
            return b.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return b.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(jsonBody(params)))
                .build();
    }

    /** JSON body; booleans as 1/0, which PVE accepts everywhere (pve-facts §1.1). */
    private byte[] jsonBody(Map<String, ?> params) {
        Map<String, Object> body = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (v != null) {
                body.put(k, v instanceof Boolean bool ? (bool ? 1 : 0) : v);
            }
        });
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request parameters cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            return null; // not JSON, e.g. an HTML error page of a proxy in front of PVE
        }
    }

    private FingerprintMismatchException mismatchIn(Throwable e) {
        boolean tls = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PinnedTrustManager.PinMismatch pm) {
                return pm.mismatch();
            }
            tls |= t instanceof SSLException;
        }
        // JSSE may not keep the trust manager's exception as a cause; the pin check remembers it
        return tls ? trust.lastMismatch() : null;
    }

    private static boolean isConnectFailure(IOException e) {
        return e instanceof HttpConnectTimeoutException
                || e instanceof ConnectException
                || e.getCause() instanceof ConnectException;
    }

    private void pause(int attempt) {
        try {
            sleeper.sleep(retry.delay(attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PveInterruptedException("interrupted while waiting to retry a PVE request", e);
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            executor.shutdownNow();
        }
    }

    /** Whether the connection failed because the host name has no address. */
    static boolean unresolved(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.UnresolvedAddressException
                    || t instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    /** A request that got no HTTP answer. */
    private static final class TransportFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean nothingSent;

        TransportFailure(IOException cause, boolean nothingSent) {
            super(cause);
            this.nothingSent = nothingSent;
        }

        PveTransportException toException(String method, String path, PveEndpoint endpoint) {
            Throwable c = getCause();
            if (unresolved(c)) {
                return new PveTransportException(
                        method + " " + path + ": the host name " + endpoint.host() + " does not resolve (no DNS or"
                                + " /etc/hosts entry on this machine). Check the name in the API URL, or use the"
                                + " host's IP address.",
                        method,
                        path,
                        true,
                        c);
            }
            String what = c.getMessage() == null
                    ? c.getClass().getSimpleName()
                    : c.getClass().getSimpleName() + ": " + c.getMessage();
            return new PveTransportException(
                    method + " " + path + " on " + endpoint.host() + ":" + endpoint.port() + " got no answer (" + what
                            + "). Check that the host is up and pveproxy listens on port " + endpoint.port()
                            + "; after a cluster join or reboot the API is briefly unavailable.",
                    method,
                    path,
                    nothingSent,
                    c);
        }
    }
}
