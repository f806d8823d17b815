package io.jenkins.plugins.nestedpve.engine;

import io.jenkins.plugins.nestedpve.cluster.GuestCredentials;
import io.jenkins.plugins.nestedpve.cluster.HostCredentials;
import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.cluster.NestedNode;
import io.jenkins.plugins.nestedpve.cluster.OwnershipMarker;
import io.jenkins.plugins.nestedpve.cluster.RootPasswords;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import io.jenkins.plugins.nestedpve.lifecycle.EngineContext;
import io.jenkins.plugins.nestedpve.lifecycle.HostClients;
import io.jenkins.plugins.nestedpve.provision.Launch;
import io.jenkins.plugins.nestedpve.provision.Provisioning;
import io.jenkins.plugins.nestedpve.provision.TemplateLocks;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.reap.ReapReport;
import io.jenkins.plugins.nestedpve.reap.ReapScope;
import io.jenkins.plugins.nestedpve.reap.Reaper;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.spec.HostRef;
import io.jenkins.plugins.nestedpve.spec.VmidRange;
import io.jenkins.plugins.nestedpve.teardown.LeaseTargets;
import io.jenkins.plugins.nestedpve.teardown.OwnershipCheck;
import io.jenkins.plugins.nestedpve.teardown.Teardown;
import io.jenkins.plugins.nestedpve.teardown.TeardownReport;
import io.jenkins.plugins.nestedpve.wait.Deadline;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The facade the CLI and the Jenkins plugin call: provisions nested PVE clusters, tears them down
 * and reaps what was left behind. One engine per installation and process; thread-safe, any number
 * of provisionings may run at once. Clones of one template are serialized by a lock of this engine
 * (not a global one).
 *
 * <pre>{@code
 * NestedPveEngine engine = new NestedPveEngine(EngineContext.builder(installationId).ledger(ledger).build());
 * Provisioning p = engine.start(spec, hostCredentials, listener);
 * NestedCluster cluster = p.await();          // or p.cancel() from another thread
 * ...
 * TeardownReport report = engine.teardown(cluster, hostCredentials, listener);
 * }</pre>
 */
public final class NestedPveEngine {
    /** Bound for a teardown called directly (without a spec): 10 minutes. */
    public static final Duration TEARDOWN_TIMEOUT = Duration.ofMinutes(10);

    private final EngineContext ctx;
    private final TemplateLocks templateLocks = new TemplateLocks();
    private final Set<String> activeLeases = ConcurrentHashMap.newKeySet();
    private final RootPasswords passwords = new RootPasswords();

    public NestedPveEngine(EngineContext ctx) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
    }

    public EngineContext context() {
        return ctx;
    }

    /**
     * Starts provisioning on a new thread and returns at once. Guests are reached with a key generated
     * for the cluster and placed through the guest agent; no template credential is needed.
     *
     * @param spec what to build; its installation id must be this engine's
     * @param host the physical host's API token (and SSH login for the nesting preflight)
     * @param listener progress events; called from several threads; exceptions it throws are ignored
     * @throws IllegalArgumentException when the spec belongs to another installation
     */
    public Provisioning start(ClusterSpec spec, HostCredentials host, ProgressListener listener) {
        return start(UUID.randomUUID().toString(), spec, host, null, listener);
    }

    /** As {@link #start(String, ClusterSpec, HostCredentials, GuestCredentials, ProgressListener)} without guest. */
    public Provisioning start(String lease, ClusterSpec spec, HostCredentials host, ProgressListener listener) {
        return start(lease, spec, host, null, listener);
    }

    /** {@link #start(ClusterSpec, HostCredentials, ProgressListener)} then {@link Provisioning#await()}. */
    public NestedCluster provision(ClusterSpec spec, HostCredentials host, ProgressListener listener) {
        return start(spec, host, listener).await();
    }

    /**
     * As {@link #start(ClusterSpec, HostCredentials, ProgressListener)}, for callers that still pass the
     * template's credentials: they are ignored.
     *
     * @param spec what to build; its installation id must be this engine's
     * @param host the physical host's API token (and SSH login for the nesting preflight)
     * @param guest no longer used, may be null: a fresh clone is reached with a key generated for the
     *     cluster and placed through the guest agent (docs/security-guest-trust.md), never with the
     *     template's credentials
     * @param listener progress events; called from several threads; exceptions it throws are ignored
     * @throws IllegalArgumentException when the spec belongs to another installation
     */
    public Provisioning start(
            ClusterSpec spec, HostCredentials host, GuestCredentials guest, ProgressListener listener) {
        return start(UUID.randomUUID().toString(), spec, host, guest, listener);
    }

    /**
     * Starts provisioning under a lease id the caller chose and recorded beforehand, so that a caller that dies
     * before this returns can still find and destroy what the lease created (a Pipeline step saves the id with
     * its state before it starts the work).
     *
     * @param lease a fresh id, e.g. a random UUID; it is written into every guest's ownership marker
     * @throws IllegalArgumentException when the spec belongs to another installation, or the lease is blank or
     *     is being provisioned already
     */
    public Provisioning start(
            String lease, ClusterSpec spec, HostCredentials host, GuestCredentials guest, ProgressListener listener) {
        Objects.requireNonNull(lease, "lease");
        if (lease.isBlank() || !lease.matches("[A-Za-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("a lease id is 1 to 64 letters, digits and '-', got '" + lease + "'");
        }
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(host, "host");
        if (!spec.installationId().equals(ctx.installationId())) {
            throw new IllegalArgumentException("the spec is for installation " + spec.installationId()
                    + " but this engine is installation " + ctx.installationId()
                    + " — build the spec with the engine's installation id");
        }
        if (!activeLeases.add(lease)) {
            throw new IllegalArgumentException("lease " + lease + " is being provisioned already");
        }
        try {
            return launch(lease, spec, host, guest, listener);
        } catch (RuntimeException | Error e) {
            activeLeases.remove(lease);
            throw e;
        }
    }

    /** Builds the provisioning and starts its thread. */
    private Provisioning launch(
            String lease, ClusterSpec spec, HostCredentials host, GuestCredentials guest, ProgressListener listener) {
        // before the result is visible: whoever awaits it sees the lease as no longer active
        Launch launch = new Launch(ctx, templateLocks, lease, passwords.next(), () -> activeLeases.remove(lease));
        return launch.start(spec, host, listener);
    }

    /**
     * Provisions and waits: {@link #start} then {@link Provisioning#await()}. An interrupt of the
     * calling thread cancels the provisioning (cleanup is awaited, the flag restored).
     *
     * @throws ProvisioningException naming the phase, the node and the cause
     */
    public NestedCluster provision(
            ClusterSpec spec, HostCredentials host, GuestCredentials guest, ProgressListener listener) {
        return start(spec, host, guest, listener).await();
    }

    /**
     * Destroys a provisioned cluster: its nodes, whatever the ledger holds for its lease, and any VM on
     * the host carrying its lease's marker. Only VMs with this installation's marker are destroyed.
     */
    public TeardownReport teardown(NestedCluster cluster, HostCredentials host, ProgressListener listener) {
        LeaseTargets targets = new LeaseTargets(cluster.lease());
        for (NestedNode n : cluster.nodes()) {
            targets.add(n.vmid(), n.name());
        }
        return teardown(targets, cluster.lease(), cluster.host(), host, OwnershipCheck.ANY_VMID, listener);
    }

    /** Destroys every VM of {@code lease} on {@code hostRef} (ledger and marker sweep). */
    public TeardownReport teardown(String lease, HostRef hostRef, HostCredentials host, ProgressListener listener) {
        return teardown(lease, hostRef, host, OwnershipCheck.ANY_VMID, listener);
    }

    /** As {@link #teardown(String, HostRef, HostCredentials, ProgressListener)}, only inside {@code vmids}. */
    public TeardownReport teardown(
            String lease, HostRef hostRef, HostCredentials host, VmidRange vmids, ProgressListener listener) {
        return teardown(new LeaseTargets(lease), lease, hostRef, host, vmids, listener);
    }

    private TeardownReport teardown(
            LeaseTargets targets,
            String lease,
            HostRef hostRef,
            HostCredentials host,
            VmidRange vmids,
            ProgressListener listener) {
        try (PveClient client = HostClients.open(ctx.pveClients(), hostRef, host)) {
            // an untagged VM is read too: a clone of ours carries the marker from the clone call on,
            // but the tag only from CONFIGURE (PVE's clone takes no tags), and may be in no ledger;
            // the known VMs are destroyed while the sweep runs
            targets.fromLedger(ctx.ledger(), hostRef.id());
            return new Teardown(ctx, client, hostRef, vmids, ProgressListener.safe(listener))
                    .destroy(
                            targets.list(),
                            () -> targets.sweep(
                                            client,
                                            ctx.installationId(),
                                            v -> v.hasTag(OwnershipMarker.TAG)
                                                    || v.tags().isEmpty())
                                    .list(),
                            lease,
                            Deadline.after(ctx.clock(), TEARDOWN_TIMEOUT));
        }
    }

    /**
     * Keep-on-failure: writes {@code until} into the ownership marker of each of {@code targets} that carries this
     * installation's marker (inside {@code vmids}); the reaper destroys them then. The one home of keeping, for the
     * CLI's {@code up --keep-on-failure} and the plugin's {@code keepOnFailure}.
     */
    public TeardownReport keep(
            String lease,
            HostRef hostRef,
            HostCredentials host,
            VmidRange vmids,
            List<Teardown.Target> targets,
            Instant until,
            ProgressListener listener) {
        try (PveClient client = HostClients.open(ctx.pveClients(), hostRef, host)) {
            return new Teardown(ctx, client, hostRef, vmids, ProgressListener.safe(listener))
                    .keep(targets, lease, until);
        }
    }

    /** Destroys expired and orphaned guests of this installation on one host (see {@link Reaper}). */
    public ReapReport reap(HostRef hostRef, HostCredentials host, ReapScope scope, ProgressListener listener) {
        try (PveClient client = HostClients.open(ctx.pveClients(), hostRef, host)) {
            return new Reaper(ctx, client, hostRef, activeLeases, listener).reap(scope, TEARDOWN_TIMEOUT);
        }
    }

    /** The leases this engine is provisioning right now. */
    public Set<String> activeLeases() {
        return Set.copyOf(activeLeases);
    }

    @Override
    public String toString() {
        return "NestedPveEngine[installation " + ctx.installationId() + ", " + activeLeases.size()
                + " provisioning(s) running]";
    }
}
