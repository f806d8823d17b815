package io.jenkins.plugins.nestedpve.plugin;

import io.jenkins.plugins.nestedpve.cluster.Ledger;
import io.jenkins.plugins.nestedpve.cluster.MarkerKey;
import io.jenkins.plugins.nestedpve.engine.NestedPveEngine;
import io.jenkins.plugins.nestedpve.lifecycle.EngineContext;
import io.jenkins.plugins.nestedpve.reap.ReapScope;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import jenkins.util.Timer;

/**
 * What the steps and the safety nets of one Jenkins share: the lease registry, the core's engine on top of it
 * (one per installation, so that clones of one template are serialized), the in-memory cluster passwords, the
 * configured hosts and how credentials are found. Held by {@link NestedPveLeases}; the steps find it there again
 * after a restart. The installation id is the lease file's owner id: the engine writes it into every ownership
 * marker, and its reaper destroys only guests that carry it.
 */
public final class ClusterServices {
    private static final Logger LOGGER = Logger.getLogger(ClusterServices.class.getName());

    private final LeaseRegistry registry;
    private final RegistryLedger ledger;
    private final NestedPveEngine engine;
    private final EngineHostOps hostOps;
    private final LeaseReleaser releaser;
    private final HostDirectory hosts;
    private final CredentialsAccess credentials;
    private final ClusterSecrets secrets;
    private final BodyContexts contexts;
    private final Executor background;
    private final Clock clock;
    private final String owner;

    private ClusterServices(Builder b) {
        this.registry = b.registry;
        this.hosts = b.hosts;
        this.credentials = b.credentials;
        this.secrets = b.secrets;
        this.contexts = b.contexts;
        this.background = b.background;
        this.clock = b.clock;
        this.owner = b.owner;
        this.ledger = new RegistryLedger(registry, id -> hosts.host(id).map(h -> HostAccess.ref(h, null)));
        EngineContext.Builder ctx = EngineContext.builder(UUID.fromString(registry.ownerId()))
                .clock(clock)
                .markerKey(b.markerKey)
                .ledger(b.ledgerDecorator.apply(ledger));
        this.engine = new NestedPveEngine(b.engine.apply(ctx).build());
        this.hostOps = new EngineHostOps(engine, hosts, credentials::resolver, b.reapMinAge);
        this.releaser = new LeaseReleaser(registry, hostOps, b.liveness, hostOps, clock);
    }

    /** The services of a running Jenkins: the lease file in {@code $JENKINS_HOME/nested-pve/leases.json}. */
    static ClusterServices jenkins() {
        Jenkins jenkins = Jenkins.get();
        Path file = jenkins.getRootDir().toPath().resolve(LeaseRegistry.RELATIVE_PATH);
        LeaseRegistry registry = LeaseRegistry.open(file, Clock.systemUTC(), LOGGER::warning);
        String url = jenkins.getRootUrl();
        MarkerKeyStore keys = new MarkerKeyStore(
                jenkins.getRootDir().toPath().resolve(MarkerKeyStore.RELATIVE_PATH), MarkerKeyStore.Cipher.jenkins());
        return builder(registry, HostDirectory.jenkins())
                .owner(url == null ? "Jenkins" : "Jenkins " + url)
                .markerKey(keys.load())
                .build();
    }

    /** Starts services on {@code registry} with Jenkins' defaults for everything else. */
    public static Builder builder(LeaseRegistry registry, HostDirectory hosts) {
        return new Builder(registry, hosts);
    }

    public LeaseRegistry registry() {
        return registry;
    }

    public RegistryLedger ledger() {
        return ledger;
    }

    public NestedPveEngine engine() {
        return engine;
    }

    public EngineHostOps hostOps() {
        return hostOps;
    }

    public LeaseReleaser releaser() {
        return releaser;
    }

    public HostDirectory hosts() {
        return hosts;
    }

    public CredentialsAccess credentials() {
        return credentials;
    }

    public ClusterSecrets secrets() {
        return secrets;
    }

    public BodyContexts contexts() {
        return contexts;
    }

    /** Runs work that must not wait on a build thread (e.g. teardown after a step was stopped). */
    public Executor background() {
        return background;
    }

    public Clock clock() {
        return clock;
    }

    /** Who asks for clusters, written into the ownership markers: {@code Jenkins <root URL>}. */
    public String owner() {
        return owner;
    }

    /** This installation's id (the lease file's owner id). */
    public UUID installationId() {
        return engine.context().installationId();
    }

    @Override
    public String toString() {
        return "ClusterServices[installation " + installationId() + ", " + engine + "]";
    }

    /** Collects the services' collaborators; everything but the registry and the hosts has a Jenkins default. */
    public static final class Builder {
        private final LeaseRegistry registry;
        private final HostDirectory hosts;
        private UnaryOperator<EngineContext.Builder> engine = UnaryOperator.identity();
        private UnaryOperator<Ledger> ledgerDecorator = UnaryOperator.identity();
        private CredentialsAccess credentials;
        private ClusterSecrets secrets;
        private BodyContexts contexts;
        private Executor background = r -> Timer.get().execute(r);
        private BuildLiveness liveness;
        private Clock clock = Clock.systemUTC();
        private String owner = "Jenkins";
        private Duration reapMinAge = ReapScope.DEFAULT_MIN_AGE;
        private MarkerKey markerKey;

        private Builder(LeaseRegistry registry, HostDirectory hosts) {
            this.registry = Objects.requireNonNull(registry, "registry");
            this.hosts = Objects.requireNonNull(hosts, "hosts");
        }

        /** Adjusts the engine's context (time, clients, timeouts); the installation id and ledger are set. */
        public Builder engine(UnaryOperator<EngineContext.Builder> v) {
            engine = Objects.requireNonNull(v, "engine");
            return this;
        }

        /** Wraps the ledger the engine writes to (it stays backed by the registry). */
        public Builder ledgerDecorator(UnaryOperator<Ledger> v) {
            ledgerDecorator = Objects.requireNonNull(v, "ledgerDecorator");
            return this;
        }

        public Builder credentials(CredentialsAccess v) {
            credentials = v;
            return this;
        }

        public Builder secrets(ClusterSecrets v) {
            secrets = v;
            return this;
        }

        public Builder contexts(BodyContexts v) {
            contexts = v;
            return this;
        }

        public Builder background(Executor v) {
            background = Objects.requireNonNull(v, "background");
            return this;
        }

        public Builder liveness(BuildLiveness v) {
            liveness = v;
            return this;
        }

        public Builder clock(Clock v) {
            clock = Objects.requireNonNull(v, "clock");
            return this;
        }

        public Builder owner(String v) {
            owner = Objects.requireNonNull(v, "owner");
            return this;
        }

        /** The installation's stored marker key; default: a new one (tests). */
        public Builder markerKey(MarkerKey v) {
            markerKey = v;
            return this;
        }

        public Builder reapMinAge(Duration v) {
            reapMinAge = Objects.requireNonNull(v, "reapMinAge");
            return this;
        }

        public ClusterServices build() {
            credentials = credentials != null ? credentials : CredentialsAccess.jenkins();
            secrets = secrets != null ? secrets : ClusterSecrets.jenkins();
            contexts = contexts != null ? contexts : BodyContexts.jenkins();
            liveness = liveness != null ? liveness : BuildLiveness.jenkins();
            markerKey = markerKey != null ? markerKey : MarkerKey.generate();
            return new ClusterServices(this);
        }
    }
}
