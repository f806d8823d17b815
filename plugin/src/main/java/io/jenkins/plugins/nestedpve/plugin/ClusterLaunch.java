package io.jenkins.plugins.nestedpve.plugin;

import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.nestedpve.cluster.MaskPattern;
import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.provision.Provisioning;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The provisioning half of {@code nestedPveCluster}, run off the CPS thread: checks the host and the limits,
 * resolves the host's System-scoped credentials as the system, opens the lease (before any guest exists) and starts the
 * engine, and turns the finished cluster into what the body gets (context, environment, log masking, files, build
 * summary).
 */
final class ClusterLaunch {
    static final String DESCRIPTOR = NestedCluster.ENV_PREFIX + "DESCRIPTOR";
    static final String INVENTORY = NestedCluster.ENV_PREFIX + "INVENTORY";
    static final String HOST = NestedCluster.ENV_PREFIX + "HOST";

    private final ClusterServices services;
    private final NestedPveClusterStep step;
    private final Run<?, ?> run;
    private final PrintStream log;
    private final ClusterFiles files;

    /** What the body is started with. */
    record Ready(NestedPveClusterContext context, ClusterEnvironment environment, PasswordMaskingFilter masking) {}

    ClusterLaunch(
            ClusterServices services, NestedPveClusterStep step, Run<?, ?> run, PrintStream log, ClusterFiles files) {
        this.services = Objects.requireNonNull(services, "services");
        this.step = Objects.requireNonNull(step, "step");
        this.run = Objects.requireNonNull(run, "run");
        this.log = Objects.requireNonNull(log, "log");
        this.files = Objects.requireNonNull(files, "files");
    }

    /**
     * Starts provisioning. When this returns, the lease is in the lease store; no guest is created before that.
     *
     * @param leaseId the lease to open, chosen (and saved) by the step before
     * @param named told the cluster's name before any guest can be recorded
     * @throws AbortException for an unknown host, a limit, missing credentials or a bad parameter (nothing created)
     */
    Provisioning start(String leaseId, Consumer<String> named) throws Exception {
        PveHostConfig host = services.hosts()
                .host(step.getHost())
                .orElseThrow(() -> new AbortException("nestedPveCluster: "
                        + ClusterStepChecks.host(step.getHost(), services.hosts())
                                .message()));
        String job = jobOf(run.getExternalizableId());
        if (!host.allowsJob(job)) {
            throw new AbortException("nestedPveCluster: job '" + job + "' may not use PVE host '" + host.getId()
                    + "': an administrator allows it only for " + host.getAllowedJobs() + " (Manage Jenkins » System »"
                    + " Nested PVE, host '" + host.getId() + "', Allowed jobs and folders).");
        }
        int maxNodes = services.hosts().maxNodesPerCluster();
        if (step.getNodes() > maxNodes) {
            throw new AbortException("nestedPveCluster: " + step.getNodes() + " nodes asked, but clusters may have"
                    + " at most " + maxNodes + "; ask for fewer or raise the limit in Manage Jenkins » System » Nested"
                    + " PVE.");
        }
        CredentialsResolver credentials = services.credentials().resolver();
        HostAccess access = HostAccess.resolve(host, credentials);
        warnIfTemplatePasswordSet(host);
        ClusterSpec spec = ClusterSpecs.build(
                step, host, access.ref(), services.installationId(), services.owner(), run.getExternalizableId());
        log.println(BuildLogListener.PREFIX + "Provisioning cluster " + spec.clusterName() + ": " + spec.nodes()
                + " node(s) from " + spec.template() + " on PVE host '" + host.getId() + "' (" + host.getNode()
                + "), nesting " + spec.nesting().label());
        synchronized (services.leases()) { // the limit and the new lease: one step among concurrent builds
            checkConcurrency(host);
            services.leases().open(leaseId, spec.clusterName(), LeaseTags.of(run.getExternalizableId(), host.getId()));
        }
        named.accept(spec.clusterName());
        try {
            return services.engine().start(leaseId, spec, access.credentials(), new BuildLogListener(log::println));
        } catch (RuntimeException e) {
            services.leases().release(leaseId); // the engine created nothing
            throw e;
        }
    }

    /** The template's root password is no longer used: say so once, so the administrator can clear it. */
    private void warnIfTemplatePasswordSet(PveHostConfig host) {
        if (host.getGuestRootPasswordCredentialsId() != null) {
            log.println(BuildLogListener.PREFIX + "Warning: PVE host '" + host.getId() + "' still names credentials '"
                    + host.getGuestRootPasswordCredentialsId() + "' as the template's root password; it is no longer"
                    + " used (fresh guests are reached with a key placed through the guest agent). Clear \"Guest"
                    + " root password (unused)\" in Manage Jenkins » System » Nested PVE and delete the credential.");
        }
    }

    /** The job's full name from a build id {@code folder/job#12} (Jenkins' {@code Run.getExternalizableId}). */
    static String jobOf(String buildId) {
        int hash = buildId.lastIndexOf('#');
        return hash < 0 ? buildId : buildId.substring(0, hash);
    }

    private void checkConcurrency(PveHostConfig host) throws AbortException {
        int live = services.leases().liveTagged(LeaseTags.HOST, host.getId()).size();
        int max = services.hosts().maxConcurrentClusters();
        if (live >= max) {
            throw new AbortException("nestedPveCluster: PVE host '" + host.getId() + "' already has " + live
                    + " nested cluster(s), the limit is " + max + " (kept clusters count until they expire). Run the"
                    + " build again later, or raise the limit in Manage Jenkins » System » Nested PVE.");
        }
    }

    /**
     * Waits for the cluster and prepares the body: the lease becomes active, the root password is kept in memory,
     * the descriptor and inventory are written and the build gets its summary.
     *
     * @throws io.jenkins.plugins.nestedpve.provision.ProvisioningException when provisioning failed (its guests
     *     were destroyed, or kept with an expiry)
     */
    Ready await(Provisioning p, String hostId) throws Exception {
        NestedCluster cluster = p.await();
        services.leases().activate(p.lease());
        String rootPassword = p.rootPassword().reveal();
        services.secrets().put(p.lease(), rootPassword);
        ClusterFiles.Locations where = files.write(cluster);
        Map<String, String> env = new LinkedHashMap<>(cluster.environment());
        env.put(DESCRIPTOR, where.descriptor());
        env.put(INVENTORY, where.inventory());
        env.put(HOST, hostId);
        run.addAction(NestedPveClusterAction.ready(cluster, hostId, p.timeline()));
        log.println(BuildLogListener.PREFIX + "Cluster " + cluster.name() + " is ready: "
                + cluster.nodes().stream()
                        .map(n -> n.name() + " " + n.address() + " (VMID " + n.vmid() + ")")
                        .collect(Collectors.joining(", "))
                + "; nesting " + cluster.nesting().label() + ", PVE " + cluster.pveVersion() + ".");
        log.println(BuildLogListener.PREFIX + "The block gets NESTED_PVE_* variables; "
                + ClusterEnvironment.ROOT_PASSWORD + " is masked in the log. Descriptor: " + where.descriptor());
        return new Ready(
                new NestedPveClusterContext(cluster, hostId),
                new ClusterEnvironment(env, p.lease(), services.secrets()),
                new PasswordMaskingFilter(MaskPattern.of(rootPassword)));
    }
}
