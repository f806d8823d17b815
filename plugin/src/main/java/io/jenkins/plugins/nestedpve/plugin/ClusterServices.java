package io.jenkins.plugins.nestedpve.plugin;

import io.jenkins.plugins.nestedpve.cluster.MarkerKey;
import io.jenkins.plugins.nestedpve.engine.NestedPveEngine;
import io.jenkins.plugins.nestedpve.install.InstallationHome;
import io.jenkins.plugins.nestedpve.install.LeaseFileUpgrade;
import io.jenkins.plugins.nestedpve.ledger.LeaseReleaser;
import io.jenkins.plugins.nestedpve.ledger.LeaseStore;
import io.jenkins.plugins.nestedpve.ledger.Ledger;
import io.jenkins.plugins.nestedpve.lifecycle.EngineContext;
import io.jenkins.plugins.nestedpve.reap.ReapScope;
import io.jenkins.plugins.nestedpve.spec.HostRef;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import jenkins.util.Timer;

/**
 * What the steps and the safety nets of one Jenkins share: the installation ({@code $JENKINS_HOME/nested-pve}: its
 * id, ledger and leases, wired by the core's {@link InstallationHome} as the CLI's), the core's engine on top of it
 * (one per installation, so that clones of one template are serialized), the in-memory cluster passwords, the
 * configured hosts and how credentials are found. Held by {@link NestedPveLeases}; the steps find it there again
 * after a restart. The engine writes the installation id into every ownership marker, and its reaper destroys only
 * guests that carry it.
 */
public final class ClusterServices {
    private static final Logger LOGGER = Logger.getLogger(ClusterServices.class.getName());

    private final InstallationHome home;
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
        this.home = b.home;
        this.hosts = b.hosts;
        this.credentials = b.credentials;
        this.secrets = b.secrets;
        this.contexts = b.contexts;
        this.background = b.background;
        this.clock = b.clock;
        this.owner = b.owner;
        EngineContext.Builder ctx =
                home.engineContext(b.markerKey).clock(clock).ledger(b.ledgerDecorator.apply(home.ledger()));
        this.engine = new NestedPveEngine(b.engine.apply(ctx).build());
        this.hostOps = new EngineHostOps(engine, hosts, credentials::resolver, b.reapMinAge);
        this.releaser = new LeaseReleaser(home.leases(), hostOps, LeaseTags.builds(b.liveness), hostOps, clock);
    }

    /**
     * The services of a running Jenkins: the installation in {@code $JENKINS_HOME/nested-pve} (a lease file of an
     * older version there is converted first).
     */
    static ClusterServices jenkins() {
        Jenkins jenkins = Jenkins.get();
        Path dir = jenkins.getRootDir().toPath().resolve(LeaseFileUpgrade.DIRECTORY);
        HostDirectory hosts = HostDirectory.jenkins();
        InstallationHome home = openHome(dir, hosts, Clock.systemUTC(), LOGGER::warning);
        String url = jenkins.getRootUrl();
        MarkerKeyStore keys = new MarkerKeyStore(
                jenkins.getRootDir().toPath().resolve(MarkerKeyStore.RELATIVE_PATH), MarkerKeyStore.Cipher.jenkins());
        return builder(home, hosts)
                .owner(url == null ? "Jenkins" : "Jenkins " + url)
                .markerKey(keys.load())
                .build();
    }

    /**
     * The installation in {@code dir}, converting the lease file of an older version (the core's {@link
     * LeaseFileUpgrade}) with the leases' Jenkins tags, each VM on its host as configured now.
     */
    static InstallationHome openHome(Path dir, HostDirectory hosts, Clock clock, Consumer<String> warn) {
        Function<String, Optional<HostRef>> configured = id -> {
            try {
                return hosts.host(id).map(h -> HostAccess.ref(h, null));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        };
        return LeaseFileUpgrade.open(dir, configured, LeaseTags::of, clock, warn);
    }

    /** Starts services on the installation {@code home} with Jenkins' defaults for everything else. */
    public static Builder builder(InstallationHome home, HostDirectory hosts) {
        return new Builder(home, hosts);
    }

    /** The leases of this installation, in its ledger. */
    public LeaseStore leases() {
        return home.leases();
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

    /** This installation's id. */
    public UUID installationId() {
        return home.id();
    }

    @Override
    public String toString() {
        return "ClusterServices[installation " + installationId() + ", " + engine + "]";
    }

    /** Collects the services' collaborators; everything but the installation and the hosts has a Jenkins default. */
    public static final class Builder {
        private final InstallationHome home;
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

        private Builder(InstallationHome home, HostDirectory hosts) {
            this.home = Objects.requireNonNull(home, "home");
            this.hosts = Objects.requireNonNull(hosts, "hosts");
        }

        /** Adjusts the engine's context (time, clients, timeouts); the installation id and ledger are set. */
        public Builder engine(UnaryOperator<EngineContext.Builder> v) {
            engine = Objects.requireNonNull(v, "engine");
            return this;
        }

        /** Wraps the ledger the engine writes to (it stays backed by the installation's ledger file). */
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
