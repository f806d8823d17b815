package io.jenkins.plugins.nestedpve.sim.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.nestedpve.schema.ApiSchema;
import io.jenkins.plugins.nestedpve.sim.tls.TlsIdentity;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The HTTPS API of one simulated PVE node ({@code pveproxy} on port 8006): a minimal HTTP/1.1
 * server that answers like pve-http-server and pve-manager's {@code PVE::HTTPServer} — reason
 * phrases carrying the error text, the {@code {"data":...}} envelope, tickets, CSRF tokens, API
 * tokens, the 3 s penalty on 401, schema validation and request logging.
 *
 * <p>Lifecycle: {@link #builder()} … {@link Builder#start()}; {@link #close()} stops accepting,
 * drops every connection and stops every thread; closing twice is harmless. Every request is served
 * off the accept thread. Handlers are registered with {@link #route} before or after start.
 *
 * <p>Hooks for the machine model: {@link #setTls} (new connections present the new certificate),
 * {@link #setAuth} (a join replaces users, tokens and the auth key), {@link #setSchema} (an upgrade
 * changes the API), {@link #setFaultHook} and {@link #setAvailable} (pveproxy restarting: the port
 * refuses connections and open connections drop).
 */
public final class ApiServer implements AutoCloseable {
    /** pveproxy's port. */
    public static final int DEFAULT_PORT = 8006;
    /** PVE delays every 401 by 3 s (pve-http-server:src/PVE/APIServer/AnyEvent.pm). */
    public static final Duration DEFAULT_AUTH_FAILURE_DELAY = Duration.ofSeconds(3);
    /** pve-http-server's default handle timeout: idle keep-alive connections close after 5 s. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(5);
    /** pveproxy's {@code max_conn} is 500; a simulated node needs far fewer threads. */
    public static final int DEFAULT_MAX_CONNECTIONS = 64;

    private final Router router = new Router();
    private final RequestLog log;
    private final Listener listener;
    private volatile TlsIdentity tls;
    private volatile AuthBackend auth;
    private volatile ApiSchema schema;
    private volatile FaultHook faultHook;

    private ApiServer(Builder b) {
        this.tls = b.tls;
        this.auth = b.auth;
        this.schema = b.schema;
        this.faultHook = b.faultHook;
        this.log = b.log != null ? b.log : RequestLog.inMemory();
        TicketCodec codec = new TicketCodec(b.clock);
        new AccessEndpoints(codec, () -> this.auth).register(router);
        ObjectMapper mapper = new ObjectMapper();
        ApiDispatcher.State state = new ApiDispatcher.State() {
            @Override
            public AuthBackend auth() {
                return auth;
            }

            @Override
            public ApiSchema schema() {
                return schema;
            }

            @Override
            public FaultHook faultHook() {
                return faultHook;
            }
        };
        ApiDispatcher dispatcher = new ApiDispatcher(
                new ApiDispatcher.Settings(b.clock, b.sleeper, b.authFailureDelay, log, this::name, mapper),
                new Authenticator(codec),
                new RestCall(router, new Envelope(mapper)),
                state);
        this.listener = new Listener(
                new InetSocketAddress(b.address, b.port),
                b.maxConnections,
                (plain, onClose) -> new Connection(plain, () -> this.tls, dispatcher, b.idleTimeout, b.clock, onClose));
    }

    /** A builder; {@link Builder#tls} and {@link Builder#auth} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Registers (or replaces) the handler of one API method, e.g. {@code route("POST",
     * "/nodes/{node}/qemu/{vmid}/clone", handler)}. The template is the schema's path template below
     * {@code /api2/json}. With a schema, a path the schema does not know is 501 whatever is
     * registered; without one, registered templates are matched directly. The server itself serves
     * {@code POST|GET /access/ticket} and {@code GET /access/domains}; registering them replaces
     * those.
     *
     * @return this server, for chaining
     */
    public ApiServer route(String method, String template, ApiHandler handler) {
        router.add(method, template, handler, true);
        return this;
    }

    /** Binds and starts accepting. */
    public ApiServer start() {
        listener.start();
        return this;
    }

    /** Presents {@code identity} on every new connection (a join regenerates the certificate). */
    public void setTls(TlsIdentity identity) {
        this.tls = Objects.requireNonNull(identity, "identity");
    }

    /** The identity new connections see. */
    public TlsIdentity tls() {
        return tls;
    }

    /** Replaces the user database (a join replaces tokens, passwords and the ticket key). */
    public void setAuth(AuthBackend backend) {
        this.auth = Objects.requireNonNull(backend, "backend");
    }

    /** Validates against {@code apiSchema} from now on; {@code null} disables validation. */
    public void setSchema(ApiSchema apiSchema) {
        this.schema = apiSchema;
    }

    /** The schema in use, or {@code null}. */
    public ApiSchema schema() {
        return schema;
    }

    /** Replaces the fault hook ({@link FaultHook#NONE} to stop injecting). */
    public void setFaultHook(FaultHook hook) {
        this.faultHook = Objects.requireNonNull(hook, "hook");
    }

    /**
     * {@code false}: closes the listening socket (connections are refused) and drops every open
     * connection, as while pveproxy restarts; {@code true}: binds the same address and port again.
     * No effect before {@link #start()} or after {@link #close()}.
     *
     * @throws java.io.UncheckedIOException when the port cannot be bound again
     */
    public void setAvailable(boolean available) {
        listener.setAvailable(available);
    }

    /** Whether the port currently accepts connections. */
    public boolean isAvailable() {
        return listener.isAvailable();
    }

    /** The bound address (the real port when built with port 0). */
    public InetSocketAddress address() {
        return listener.address();
    }

    /** The bound port. */
    public int port() {
        return address().getPort();
    }

    /** {@code https://<ip>:<port>/api2/json}. */
    public URI baseUri() {
        InetSocketAddress a = address();
        String host = a.getAddress().getHostAddress();
        host = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("https://" + host + ":" + a.getPort() + "/api2/json");
    }

    /** The request log this server writes to. */
    public RequestLog requestLog() {
        return log;
    }

    private String name() {
        InetSocketAddress a = listener.address();
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    /** Stops accepting, drops every connection and stops every thread. Idempotent. */
    @Override
    public void close() {
        listener.close();
    }

    @Override
    public String toString() {
        return "ApiServer[" + name() + ", " + tls.fingerprint() + "]";
    }

    /** Builds an {@link ApiServer}; validates when built. */
    public static final class Builder {
        private InetAddress address = InetAddress.getLoopbackAddress();
        private int port = DEFAULT_PORT;
        private TlsIdentity tls;
        private AuthBackend auth;
        private ApiSchema schema;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Duration authFailureDelay = DEFAULT_AUTH_FAILURE_DELAY;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private RequestLog log;
        private FaultHook faultHook = FaultHook.NONE;

        private Builder() {}

        /** Address and port to bind (default loopback:8006; port 0 picks a free port). */
        public Builder bind(InetAddress address, int port) {
            this.address = Objects.requireNonNull(address, "address");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** The node certificate to serve (required). */
        public Builder tls(TlsIdentity identity) {
            this.tls = identity;
            return this;
        }

        /** The node's user database (required). */
        public Builder auth(AuthBackend backend) {
            this.auth = backend;
            return this;
        }

        /** The API schema to route and validate with; none by default (no validation). */
        public Builder schema(ApiSchema apiSchema) {
            this.schema = apiSchema;
            return this;
        }

        /** Time for tickets, CSRF tokens and log timestamps (default system UTC). */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /** How the authentication-failure delay is waited (default: really). */
        public Builder sleeper(Sleeper s) {
            this.sleeper = Objects.requireNonNull(s, "sleeper");
            return this;
        }

        /** The delay before every 401 (default 3 s as PVE; scale it for fast simulations). */
        public Builder authFailureDelay(Duration delay) {
            if (delay == null || delay.isNegative()) {
                throw new IllegalArgumentException("authFailureDelay must be zero or positive, got " + delay);
            }
            this.authFailureDelay = delay;
            return this;
        }

        /** How long an idle keep-alive connection stays open (default 5 s as PVE). */
        public Builder idleTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("idleTimeout must be positive, got " + timeout);
            }
            this.idleTimeout = timeout;
            return this;
        }

        /** Concurrent connections served; more are closed at once (default 64). */
        public Builder maxConnections(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1, got " + max);
            }
            this.maxConnections = max;
            return this;
        }

        /** Where requests are logged (default: a new in-memory log). */
        public Builder requestLog(RequestLog requestLog) {
            this.log = Objects.requireNonNull(requestLog, "requestLog");
            return this;
        }

        /** Fault injection (default {@link FaultHook#NONE}). */
        public Builder faultHook(FaultHook hook) {
            this.faultHook = Objects.requireNonNull(hook, "faultHook");
            return this;
        }

        /** Validates and builds an unstarted server. */
        public ApiServer build() {
            if (tls == null) {
                throw new IllegalStateException("ApiServer needs a TLS identity: call tls(ca.issue(node, ip, key))");
            }
            if (auth == null) {
                throw new IllegalStateException("ApiServer needs an AuthBackend: call auth(backend)");
            }
            return new ApiServer(this);
        }

        /** Builds and starts: binds the port and accepts connections. */
        public ApiServer start() {
            return build().start();
        }
    }
}
