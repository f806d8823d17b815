package io.jenkins.plugins.nestedpve.plugin;

import hudson.AbortException;
import io.jenkins.plugins.nestedpve.NestedPveException;
import io.jenkins.plugins.nestedpve.engine.NestedPveEngine;
import io.jenkins.plugins.nestedpve.ledger.Lease;
import io.jenkins.plugins.nestedpve.ledger.LeaseReleaser;
import io.jenkins.plugins.nestedpve.reap.ReapReport;
import io.jenkins.plugins.nestedpve.reap.ReapScope;
import io.jenkins.plugins.nestedpve.spec.VmidRange;
import io.jenkins.plugins.nestedpve.teardown.OwnershipCheck;
import io.jenkins.plugins.nestedpve.teardown.Teardown;
import io.jenkins.plugins.nestedpve.teardown.TeardownReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Where the core's teardown and reaper plug into the plugin's safety nets: destroys a lease's guests (from the
 * lease file, plus every guest carrying the lease's marker), keeps them with an expiry, and sweeps every
 * configured host for guests of this installation that no live lease accounts for. Never touches a guest
 * without this installation's ownership marker. Credentials are looked up outside any build, as the system.
 */
public final class EngineHostOps implements LeaseReleaser.Teardown, LeaseReleaser.HostSweep {
    private final NestedPveEngine engine;
    private final HostDirectory hosts;
    private final Supplier<CredentialsResolver> resolver;
    private final Duration reapMinAge;

    /**
     * @param resolver the credentials lookup outside builds
     * @param reapMinAge how old a guest of an unknown lease must be before the reaper takes it (15 minutes by
     *     default: a provisioning of another controller sharing the installation id may have just begun)
     */
    public EngineHostOps(
            NestedPveEngine engine, HostDirectory hosts, Supplier<CredentialsResolver> resolver, Duration reapMinAge) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.hosts = Objects.requireNonNull(hosts, "hosts");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.reapMinAge = Objects.requireNonNull(reapMinAge, "reapMinAge");
    }

    @Override
    public void destroy(Lease lease, Consumer<String> log) throws Exception {
        HostAccess host = access(lease);
        TeardownReport report =
                engine.teardown(lease.id(), host.ref(), host.credentials(), vmids(lease), new BuildLogListener(log));
        log.accept(BuildLogListener.PREFIX + report.summary());
        failIfIncomplete(report, "destroy", lease);
    }

    /** Keep-on-failure: writes {@code until} into the ownership marker of each of the lease's guests. */
    public void keep(Lease lease, Instant until, Consumer<String> log) throws Exception {
        HostAccess host = access(lease);
        List<Teardown.Target> targets =
                lease.vmids().stream().map(v -> new Teardown.Target(v, null)).toList();
        TeardownReport report = engine.keep(
                lease.id(), host.ref(), host.credentials(), vmids(lease), targets, until, new BuildLogListener(log));
        log.accept(BuildLogListener.PREFIX + report.summary());
        failIfIncomplete(report, "mark as kept", lease);
    }

    @Override
    public void reap(List<Lease> live, Consumer<String> log) throws Exception {
        Set<String> leases = live.stream().map(Lease::id).collect(Collectors.toSet());
        ReapScope scope = ReapScope.orphans(leases::contains).withMinAge(reapMinAge);
        Exception first = null;
        for (PveHostConfig config : hosts.all()) {
            try {
                reapHost(config, scope, log);
            } catch (NestedPveException | AbortException e) {
                log.accept("Sweeping PVE host '" + config.getId() + "' failed: " + e.getMessage());
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private void reapHost(PveHostConfig config, ReapScope scope, Consumer<String> log) throws AbortException {
        HostAccess host = HostAccess.resolve(config, resolver.get());
        ReapReport report =
                engine.reap(host.ref(), host.credentials(), scope.withVmids(vmids(config)), new BuildLogListener(log));
        log.accept("PVE host '" + config.getId() + "': " + report.summary());
        report.reaped().forEach(d -> log.accept("  destroyed VM " + d.vmid() + " (" + d.reason() + ")"));
        if (!report.teardown().ok()) {
            throw new AbortException(report.teardown().errors().stream()
                    .map(Throwable::getMessage)
                    .collect(Collectors.joining("; ")));
        }
    }

    private HostAccess access(Lease lease) throws AbortException {
        PveHostConfig config = hosts.host(LeaseTags.host(lease))
                .orElseThrow(() -> new AbortException("PVE host '" + LeaseTags.host(lease) + "' of lease " + lease.id()
                        + " is no longer configured: add it back in Manage Jenkins » System » Nested PVE, or"
                        + " destroy VMIDs " + lease.vmids() + " on that host by hand"));
        return HostAccess.resolve(config, resolver.get());
    }

    /** The host's configured VMID range: no guest outside it is ever destroyed. */
    private static VmidRange vmids(PveHostConfig config) {
        return new VmidRange(config.getVmidRangeStart(), config.getVmidRangeEnd());
    }

    private VmidRange vmids(Lease lease) {
        return hosts.host(LeaseTags.host(lease)).map(EngineHostOps::vmids).orElse(OwnershipCheck.ANY_VMID);
    }

    private static void failIfIncomplete(TeardownReport report, String what, Lease lease) throws AbortException {
        if (report.ok()) {
            return;
        }
        AbortException e = new AbortException("Could not " + what + " every guest of cluster " + lease.cluster()
                + " (lease " + lease.id() + "): "
                + report.errors().stream().map(Throwable::getMessage).collect(Collectors.joining("; ")));
        report.errors().forEach(e::addSuppressed);
        throw e;
    }
}
