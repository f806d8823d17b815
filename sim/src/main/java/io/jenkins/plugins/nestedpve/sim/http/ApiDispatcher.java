package io.jenkins.plugins.nestedpve.sim.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.nestedpve.schema.ApiSchema;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one HTTP request into one answer, in pve-http-server's order
 * (src/PVE/APIServer/AnyEvent.pm {@code process_header}, {@code authenticate_and_handle_request},
 * {@code handle_api2_request}): method and transfer-encoding checks, {@code /api2/<format>/} split,
 * authentication, body checks, format, parameters, then {@link RestCall}. Logs every answer.
 */
final class ApiDispatcher {
    private static final Pattern SPLIT = Pattern.compile("^/api2/+([a-z][a-z0-9]+)(/.*)?$");

    /** The server's mutable parts, read once per request. */
    interface State {
        AuthBackend auth();

        ApiSchema schema();

        FaultHook faultHook();
    }

    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration authFailureDelay;
    private final Authenticator authenticator;
    private final RestCall restCall;
    private final State state;
    private final RequestLog log;
    private final Supplier<String> serverName;
    private final ObjectMapper mapper;

    ApiDispatcher(Settings settings, Authenticator authenticator, RestCall restCall, State state) {
        this.clock = settings.clock();
        this.sleeper = settings.sleeper();
        this.authFailureDelay = settings.authFailureDelay();
        this.authenticator = authenticator;
        this.restCall = restCall;
        this.state = state;
        this.log = settings.log();
        this.serverName = settings.serverName();
        this.mapper = settings.mapper();
    }

    /** Settings that do not change while the server runs. */
    record Settings(
            Clock clock,
            Sleeper sleeper,
            Duration authFailureDelay,
            RequestLog log,
            Supplier<String> serverName,
            ObjectMapper mapper) {}

    /** Answers {@code request}; waits the authentication-failure delay first where PVE does. */
    Reply handle(HttpRequest request) throws InterruptedException {
        long started = System.nanoTime();
        Instant ts = clock.instant();
        Trace trace = new Trace(FormDecoder.unescapePath(request.rawPath()));
        Reply reply;
        try {
            reply = process(request, trace);
        } catch (RuntimeException e) {
            // a defect in the simulator itself: answer like PVE answers a die outside a handler
            reply = Reply.text(500, Envelope.withNewline(RestCall.describe(e)));
        }
        try {
            if (reply.delayed()) {
                // AnyEvent.pm: "always delay unauthorized calls by 3 seconds" (minus time already spent)
                Duration spent = Duration.between(ts, clock.instant());
                Duration left = authFailureDelay.minus(spent);
                sleeper.sleep(left.isNegative() ? Duration.ZERO : left);
            }
        } finally {
            log.add(trace.entry(ts, serverName.get(), request, reply, (System.nanoTime() - started) / 1_000_000));
        }
        return reply;
    }

    private Reply process(HttpRequest request, Trace trace) throws InterruptedException {
        String method = request.method();
        if (!Router.METHODS.contains(method)) {
            return Reply.empty(501, "method '" + method + "' not available");
        }
        String te = request.header("Transfer-Encoding");
        if (te != null) {
            return te.equalsIgnoreCase("chunked")
                    ? Reply.text(501, "chunked transfer encoding not supported")
                    : Reply.text(501, "Unknown transfer encoding '" + te + "'");
        }
        if (!trace.path.startsWith("/api2")) {
            Reply bad = Params.checkBody(request);
            return bad != null ? bad : Reply.text(500, "no such file '" + trace.path + "'\n");
        }
        Matcher m = SPLIT.matcher(trace.path);
        if (!m.matches()) {
            return Reply.text(501, "no such uri");
        }
        String relUri = m.group(2) == null ? "/" : m.group(2);
        trace.path = relUri;
        AuthBackend backend = state.auth();
        Authenticator.Outcome auth = authenticator.authenticate(method, relUri, request, backend);
        trace.principal = auth.principal();
        if (auth.failed()) {
            return Reply.empty(401, auth.failure()).withDelay();
        }
        Reply bad = Params.checkBody(request);
        if (bad != null) {
            return bad;
        }
        return api2(request, m.group(1), relUri, auth, trace);
    }

    private Reply api2(HttpRequest request, String format, String relUri, Authenticator.Outcome auth, Trace trace)
            throws InterruptedException {
        if (!format.equals("json")) {
            return Reply.text(501, formatMessage(format, relUri));
        }
        Params params;
        try {
            params = Params.extract(request, mapper);
        } catch (IllegalArgumentException e) {
            return Reply.text(500, Envelope.withNewline(e.getMessage()));
        }
        trace.params = params.values();
        RestCall.Outcome outcome = restCall.call(request.method(), relUri, params, auth, state);
        trace.schemaErrors = outcome.schemaErrors();
        return outcome.reply();
    }

    private static String formatMessage(String format, String relUri) {
        if (format.equals("extjs") || format.equals("htmljs")) {
            return "format '" + format + "' is not simulated - use /api2/json" + relUri;
        }
        return "no formatter for uri " + relUri + ", " + format; // AnyEvent.pm handle_api2_request
    }

    /** What the log needs to know about one request, filled in as processing goes. */
    private static final class Trace {
        String path;
        Principal principal;
        Map<String, Object> params = Map.of();
        Map<String, String> schemaErrors = Map.of();

        Trace(String path) {
            this.path = path;
        }

        LogEntry entry(Instant ts, String server, HttpRequest request, Reply reply, long millis) {
            return new LogEntry(
                    ts,
                    server,
                    request.remote(),
                    request.method(),
                    path,
                    Redaction.params(path, params),
                    principal == null ? null : principal.fullId(),
                    reply.status(),
                    reply.reason(),
                    millis,
                    schemaErrors);
        }
    }
}
