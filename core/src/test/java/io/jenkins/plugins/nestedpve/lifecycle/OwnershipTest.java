package io.jenkins.plugins.nestedpve.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.cluster.OwnershipMarker;
import io.jenkins.plugins.nestedpve.engine.NestedPveEngine;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import io.jenkins.plugins.nestedpve.ledger.LedgerEntry;
import io.jenkins.plugins.nestedpve.provision.Provisioning;
import io.jenkins.plugins.nestedpve.provision.ProvisioningException;
import io.jenkins.plugins.nestedpve.pve.CloneRequest;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.Upid;
import io.jenkins.plugins.nestedpve.reap.LeaseOracle;
import io.jenkins.plugins.nestedpve.reap.ReapReport;
import io.jenkins.plugins.nestedpve.reap.ReapScope;
import io.jenkins.plugins.nestedpve.sim.model.SimVm;
import io.jenkins.plugins.nestedpve.teardown.Teardown;
import io.jenkins.plugins.nestedpve.teardown.TeardownReport;
import io.jenkins.plugins.nestedpve.wait.Deadline;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Only VMs with this installation's marker are ever destroyed: foreign VMs inside the VMID range
 * survive teardown and the reaper; kept (keep-on-failure) clusters are reaped once expired, orphans
 * once their lease is unknown.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwnershipTest {
    /** In the engine's VMID range: an unmarked VM and one of another installation. */
    private static final int UNMARKED = 80000;

    private static final int FOREIGN = 80001;

    private SimLab lab;
    private PveClient host;

    @BeforeAll
    void start() throws Exception {
        lab = new SimLab(SimLab.simulator(0.002).start());
        host = lab.hostClient();
        create(UNMARKED, "someone-elses", null);
        OwnershipMarker other = new OwnershipMarker(
                1,
                UUID.randomUUID().toString(),
                "other-lease",
                "np-x",
                "np-x-n1",
                "another installation",
                "x#1",
                Instant.now(),
                Instant.now().minus(Duration.ofDays(1)));
        create(FOREIGN, "other-installation", other.format());
    }

    private void create(int vmid, String name, String description) throws InterruptedException {
        create(vmid, name, description, OwnershipMarker.TAG);
    }

    private void create(int vmid, String name, String description, String tags) throws InterruptedException {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("vmid", vmid);
        p.put("name", name);
        p.put("memory", 512);
        if (tags != null) {
            p.put("tags", tags);
        }
        if (description != null) {
            p.put("description", description);
        }
        host.tasks().await(host.createVm(lab.sim.hostNode(), p));
    }

    @AfterAll
    void stop() {
        host.close();
        lab.close();
    }

    @AfterEach
    void foreignVmsSurvive() {
        assertThat(lab.sim.vm(UNMARKED)).isPresent();
        assertThat(lab.sim.vm(FOREIGN)).isPresent();
    }

    private List<Integer> ourVmids() {
        return lab.ourVms().stream().map(SimVm::vmid).toList();
    }

    @Test
    void aLeaseIdChosenBeforeTheStartIsTheOneInTheMarkersAndCannotBeStartedTwice() throws Exception {
        String lease = "step-" + UUID.randomUUID();
        Provisioning p = lab.engine.start(lease, lab.spec(1).build(), lab.token(), lab.guest(), ProgressListener.NOOP);
        assertThat(p.lease()).isEqualTo(lease);
        IllegalArgumentException twice = catchThrowableOfType(
                IllegalArgumentException.class,
                () -> lab.engine.start(lease, lab.spec(1).build(), lab.token(), lab.guest(), ProgressListener.NOOP));
        assertThat(twice).hasMessageContaining("being provisioned already");
        IllegalArgumentException bad = catchThrowableOfType(
                IllegalArgumentException.class,
                () -> lab.engine.start("a b", lab.spec(1).build(), lab.token(), lab.guest(), ProgressListener.NOOP));
        assertThat(bad).hasMessageContaining("letters, digits and '-'");
        NestedCluster cluster = p.await();
        for (SimVm vm : lab.ourVms()) {
            assertThat(OwnershipMarker.parse(vm.get("description"))
                            .orElseThrow()
                            .lease())
                    .isEqualTo(lease);
        }
        assertThat(lab.engine.activeLeases()).doesNotContain(lease);
        lab.engine.teardown(cluster, lab.token(), ProgressListener.NOOP);
        assertThat(ourVmids()).isEmpty();
    }

    @Test
    void teardownOfALeaseSkipsAVmWithoutOurMarkerEvenWhenTheLedgerNamesIt() {
        NestedCluster cluster =
                lab.engine.provision(lab.spec(1).build(), lab.token(), lab.guest(), ProgressListener.NOOP);
        assertThat(cluster.firstNode().vmid()).isNotIn(UNMARKED, FOREIGN);
        // a stale ledger entry (e.g. a VMID taken by someone else after a lost clone answer)
        lab.ledger.record(
                LedgerEntry.created(cluster.lease(), cluster.name(), lab.host(), UNMARKED, "stale", Instant.now()));

        TeardownReport report = lab.engine.teardown(cluster.lease(), lab.host(), lab.token(), ProgressListener.NOOP);

        assertThat(report.ok()).isTrue();
        assertThat(report.clean())
                .as("a recorded VM without our marker does not pass silently")
                .isFalse();
        assertThat(report.vms()).anySatisfy(v -> {
            assertThat(v.vmid()).isEqualTo(UNMARKED);
            assertThat(v.result()).isEqualTo(TeardownReport.Result.UNMARKED);
        });
        assertThat(report.handCleanup(lab.host().node()))
                .singleElement()
                .asString()
                .startsWith("VM " + UNMARKED + " (stale) on node " + lab.host().node() + ": no nested-pve marker")
                .endsWith("qm stop " + UNMARKED + " && qm destroy " + UNMARKED + " --purge");
        assertThat(report.count(TeardownReport.Result.DESTROYED)).isEqualTo(1);
        assertThat(ourVmids()).isEmpty();
    }

    @Test
    void keepOnFailureMarksTheGuestsWithAnExpiryAndTheReaperDestroysThemOnceExpired() {
        ProgressListener failStart = new PhaseHook(Phase.START, null, () -> lab.failAGuestsStarts());
        ProvisioningException e = catchThrowableOfType(
                ProvisioningException.class,
                () -> lab.engine.provision(
                        lab.spec(1).keepOnFailure(Duration.ofHours(2)).build(), lab.token(), lab.guest(), failStart));
        assertThat(e.keptUntil()).isPresent();
        assertThat(ourVmids()).hasSize(1);
        for (SimVm vm : lab.ourVms()) {
            OwnershipMarker m = OwnershipMarker.parse(vm.get("description")).orElseThrow();
            assertThat(m.expires()).isEqualTo(e.keptUntil().get().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        }

        ReapReport now = lab.engine.reap(lab.host(), lab.token(), ReapScope.expiredOnly(), ProgressListener.NOOP);
        assertThat(now.reaped()).isEmpty();
        assertThat(now.kept())
                .singleElement()
                .satisfies(d -> assertThat(d.reason()).startsWith("kept for debugging"));
        assertThat(ourVmids()).hasSize(1);

        ReapReport later = engineAt(Duration.ofHours(3))
                .reap(lab.host(), lab.token(), ReapScope.expiredOnly(), ProgressListener.NOOP);
        assertThat(later.reaped())
                .hasSize(1)
                .allSatisfy(d -> assertThat(d.reason()).startsWith("expired at"));
        assertThat(later.foreign()).isEqualTo(2);
        assertThat(later.teardown().ok()).isTrue();
        assertThat(ourVmids()).isEmpty();
    }

    @Test
    void theReaperListsALedgerVmWithoutOurMarkerWithItsNodeAndCommandAndNeverDestroysIt() {
        lab.ledger.record(LedgerEntry.created("lease-x", "np-x", lab.host(), UNMARKED, "np-x-n1", Instant.now()));

        ReapReport report = lab.engine.reap(
                lab.host(),
                lab.token(),
                ReapScope.orphans(lease -> false).withMinAge(Duration.ZERO),
                ProgressListener.NOOP);

        assertThat(report.clean())
                .as("a recorded VM without our marker does not pass silently")
                .isFalse();
        assertThat(report.unmarked()).singleElement().satisfies(u -> {
            assertThat(u.vmid()).isEqualTo(UNMARKED);
            assertThat(u.describe())
                    .startsWith("VM " + UNMARKED + " (np-x-n1) on node "
                            + lab.host().node() + ": no nested-pve marker")
                    .endsWith("qm stop " + UNMARKED + " && qm destroy " + UNMARKED + " --purge");
        });
        assertThat(report.summary()).endsWith("1 unmarked (left for a hand)");
        assertThat(lab.sim.vm(UNMARKED)).as("never destroyed").isPresent();
    }

    @Test
    void theReaperDestroysOrphansWhoseLeaseIsUnknownAndNothingElse() {
        NestedCluster live = lab.engine.provision(lab.spec(1).build(), lab.token(), lab.guest(), ProgressListener.NOOP);
        NestedCluster orphan =
                lab.engine.provision(lab.spec(1).build(), lab.token(), lab.guest(), ProgressListener.NOOP);
        LeaseOracle oracle = lease -> lease.equals(live.lease());

        ReapReport report = lab.engine.reap(
                lab.host(), lab.token(), ReapScope.orphans(oracle).withMinAge(Duration.ZERO), ProgressListener.NOOP);

        assertThat(report.reaped()).singleElement().satisfies(d -> {
            assertThat(d.vmid()).isEqualTo(orphan.firstNode().vmid());
            assertThat(d.reason()).startsWith("owner gone");
        });
        assertThat(ourVmids()).containsExactly(live.firstNode().vmid());
        lab.engine.teardown(live, lab.token(), ProgressListener.NOOP);
        assertThat(ourVmids()).isEmpty();
    }

    @Test
    void teardownLeavesAVmWhoseFreshlyReadMarkerNoLongerConfirmsTheDecision() {
        NestedCluster cluster =
                lab.engine.provision(lab.spec(1).build(), lab.token(), lab.guest(), ProgressListener.NOOP);
        int vmid = cluster.firstNode().vmid();

        TeardownReport refused = new Teardown(lab.engine.context(), host, lab.host(), ProgressListener.NOOP)
                .destroy(
                        List.of(new Teardown.Target(vmid, null, m -> !m.lease().equals(cluster.lease()))),
                        null,
                        Deadline.after(Clock.systemUTC(), Duration.ofSeconds(30)));

        assertThat(refused.count(TeardownReport.Result.NOT_OURS)).isEqualTo(1);
        assertThat(lab.sim.vm(vmid)).isPresent();
        lab.engine.teardown(cluster, lab.token(), ProgressListener.NOOP);
    }

    /**
     * Clones the template onto {@code vmid} with this installation's marker for node 1 of {@code cluster}, on a host
     * slow to start the clone task: its answer (the UPID) comes well before the VM exists.
     */
    private Upid cloneOfOursSlowToStart(int vmid, String lease, String cluster) {
        String node = cluster + "-n1";
        OwnershipMarker ours = new OwnershipMarker(
                        2,
                        lab.installation.toString(),
                        lease,
                        cluster,
                        node,
                        "test",
                        "t#1",
                        Instant.now(),
                        null,
                        vmid,
                        null)
                .signedWith(lab.ctx.markerKey());
        lab.sim.faults().delayCloneStart(vmid, Duration.ofMillis(800));
        return host.cloneVm(
                lab.sim.hostNode(),
                lab.sim.template().vmid(),
                CloneRequest.builder(vmid).name(node).description(ours.format()).build());
    }

    @Test
    void teardownRightAfterACloneCallWaitsForTheCloneTaskAndDestroysTheVmItWrites() throws Exception {
        int vmid = 83100;
        Upid clone = cloneOfOursSlowToStart(vmid, "fresh-lease", "np-fresh");
        assertThat(lab.sim.vm(vmid)).as("not written yet").isEmpty();

        TeardownReport report = new Teardown(lab.engine.context(), host, lab.host(), ProgressListener.NOOP)
                .destroy(
                        List.of(new Teardown.Target(vmid, "np-fresh-n1")),
                        "fresh-lease",
                        Deadline.after(Clock.systemUTC(), Duration.ofSeconds(60)));

        assertThat(report.count(TeardownReport.Result.DESTROYED)).isEqualTo(1);
        host.tasks().await(clone, Deadline.after(Clock.systemUTC(), Duration.ofSeconds(30)));
        assertThat(lab.sim.vm(vmid)).isEmpty();
    }

    @Test
    void keepingRightAfterACloneCallWaitsForTheCloneAndMarksTheVmItWrites() throws Exception {
        int vmid = 83300;
        Upid clone = cloneOfOursSlowToStart(vmid, "kept-lease", "np-kept");
        Instant until = Instant.now().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        TeardownReport report = new Teardown(lab.engine.context(), host, lab.host(), ProgressListener.NOOP)
                .keep(List.of(new Teardown.Target(vmid, "np-kept-n1")), "kept-lease", until);

        assertThat(report.count(TeardownReport.Result.KEPT)).isEqualTo(1);
        host.tasks().await(clone, Deadline.after(Clock.systemUTC(), Duration.ofSeconds(30)));
        assertThat(OwnershipMarker.parse(
                                String.valueOf(lab.sim.vm(vmid).orElseThrow().get("description")))
                        .orElseThrow()
                        .expires())
                .isEqualTo(until);
        new Teardown(lab.engine.context(), host, lab.host(), ProgressListener.NOOP)
                .destroy(
                        List.of(new Teardown.Target(vmid, "np-kept-n1")),
                        "kept-lease",
                        Deadline.after(Clock.systemUTC(), Duration.ofSeconds(60)));
        assertThat(lab.sim.vm(vmid)).isEmpty();
    }

    @Test
    void aLongCloneOfSomebodyElseDoesNotFailTheTeardownOfAVmThatDoesNotExist() throws Exception {
        int foreign = 83200;
        lab.sim.faults().delayCloneStart(foreign, Duration.ofSeconds(3));
        Upid clone = host.cloneVm(
                lab.sim.hostNode(),
                lab.sim.template().vmid(),
                CloneRequest.builder(foreign).name("someone-elses-clone").build());

        TeardownReport report = new Teardown(lab.engine.context(), host, lab.host(), ProgressListener.NOOP)
                .destroy(
                        List.of(new Teardown.Target(83201, "np-x-n1")),
                        "some-lease",
                        Deadline.after(Clock.systemUTC(), Duration.ofSeconds(1)));

        assertThat(report.count(TeardownReport.Result.ALREADY_GONE)).isEqualTo(1);
        assertThat(report.errors()).isEmpty();
        host.tasks().await(clone, Deadline.after(Clock.systemUTC(), Duration.ofSeconds(30)));
        host.tasks()
                .await(
                        host.deleteVm(lab.sim.hostNode(), foreign, true, true),
                        Deadline.after(Clock.systemUTC(), Duration.ofSeconds(30)));
    }

    @Test
    void teardownOfALeaseFindsItsUntaggedCloneThatNoLedgerRecorded() throws Exception {
        int vmid = 83000;
        OwnershipMarker ours = new OwnershipMarker(
                        2,
                        lab.installation.toString(),
                        "lost-lease",
                        "np-lost",
                        "np-lost-n1",
                        "tests",
                        "t#1",
                        Instant.now(),
                        null,
                        vmid,
                        null)
                .signedWith(lab.ctx.markerKey());
        // as a clone looks between the clone call and CONFIGURE: marker in the description, no tag
        create(vmid, "np-lost-n1", ours.format(), null);

        TeardownReport report = lab.engine.teardown("lost-lease", lab.host(), lab.token(), ProgressListener.NOOP);

        assertThat(report.count(TeardownReport.Result.DESTROYED)).isEqualTo(1);
        assertThat(lab.sim.vm(vmid)).isEmpty();
    }

    @Test
    void theReaperLeavesFreshOrphansAloneDuringTheGracePeriod() {
        NestedCluster young =
                lab.engine.provision(lab.spec(1).build(), lab.token(), lab.guest(), ProgressListener.NOOP);
        ReapReport report =
                lab.engine.reap(lab.host(), lab.token(), ReapScope.orphans(lease -> false), ProgressListener.NOOP);
        assertThat(report.reaped()).isEmpty();
        assertThat(report.kept())
                .singleElement()
                .satisfies(d -> assertThat(d.reason()).startsWith("lease unknown"));
        lab.engine.teardown(young, lab.token(), ProgressListener.NOOP);
    }

    @Test
    void aVmWithAnUnsignedMarkerOfThisInstallationIsListedButNeverDestroyed() throws Exception {
        int vmid = 83400;
        OwnershipMarker old = new OwnershipMarker(
                1,
                lab.installation.toString(),
                "old-lease",
                "np-old",
                "np-old-n1",
                "tests",
                "t#1",
                Instant.now().minus(Duration.ofDays(2)),
                null);
        create(vmid, "np-old-n1", old.format());

        TeardownReport torn = lab.engine.teardown("old-lease", lab.host(), lab.token(), ProgressListener.NOOP);
        ReapReport reaped = lab.engine.reap(
                lab.host(),
                lab.token(),
                ReapScope.orphans(lease -> false).withMinAge(Duration.ZERO),
                ProgressListener.NOOP);

        assertThat(torn.count(TeardownReport.Result.UNMARKED)).isEqualTo(1);
        assertThat(reaped.reaped()).isEmpty();
        assertThat(reaped.kept()).anySatisfy(d -> {
            assertThat(d.vmid()).isEqualTo(vmid);
            assertThat(d.reason()).startsWith("unsigned marker");
        });
        assertThat(lab.sim.vm(vmid)).isPresent();
        destroyByHand(vmid);
    }

    @Test
    void aSignedMarkerCopiedOrRetargetedOntoAnotherVmIsNeverDestroyed() throws Exception {
        NestedCluster cluster =
                lab.engine.provision(lab.spec(1).build(), lab.token(), lab.guest(), ProgressListener.NOOP);
        int original = cluster.firstNode().vmid();
        String description = String.valueOf(lab.sim.vm(original).orElseThrow().get("description"));
        create(83500, "copied", description);
        create(83501, "retargeted", description.replace("\"vmid\":" + original, "\"vmid\":83501"));

        TeardownReport torn = lab.engine.teardown(cluster.lease(), lab.host(), lab.token(), ProgressListener.NOOP);
        ReapReport reaped = lab.engine.reap(
                lab.host(),
                lab.token(),
                ReapScope.orphans(lease -> false).withMinAge(Duration.ZERO),
                ProgressListener.NOOP);

        assertThat(torn.count(TeardownReport.Result.DESTROYED)).isEqualTo(1);
        assertThat(torn.count(TeardownReport.Result.UNMARKED)).isEqualTo(2);
        assertThat(reaped.reaped()).isEmpty();
        assertThat(reaped.kept())
                .filteredOn(d -> d.vmid() >= 83500)
                .hasSize(2)
                .allSatisfy(d -> assertThat(d.reason()).contains("signature does not verify"));
        assertThat(lab.sim.vm(83500)).isPresent();
        assertThat(lab.sim.vm(83501)).isPresent();
        destroyByHand(83500);
        destroyByHand(83501);
    }

    @Test
    void theReaperLeavesAVmOfOursOutsideTheConfiguredRange() {
        NestedCluster cluster =
                lab.engine.provision(lab.spec(1).build(), lab.token(), lab.guest(), ProgressListener.NOOP);
        int vmid = cluster.firstNode().vmid();

        ReapReport reaped = lab.engine.reap(
                lab.host(),
                lab.token(),
                ReapScope.orphans(lease -> false)
                        .withMinAge(Duration.ZERO)
                        .withVmids(new io.jenkins.plugins.nestedpve.spec.VmidRange(vmid + 1, vmid + 10)),
                ProgressListener.NOOP);

        assertThat(reaped.reaped()).isEmpty();
        assertThat(reaped.kept()).anySatisfy(d -> assertThat(d.reason()).startsWith("VMID outside"));
        lab.engine.teardown(cluster, lab.token(), ProgressListener.NOOP);
        assertThat(ourVmids()).isEmpty();
    }

    private void destroyByHand(int vmid) throws InterruptedException {
        host.tasks()
                .await(
                        host.deleteVm(lab.sim.hostNode(), vmid, true, true),
                        Deadline.after(Clock.systemUTC(), Duration.ofSeconds(30)));
    }

    /** An engine of the same installation and ledger whose clock runs {@code ahead}. */
    private NestedPveEngine engineAt(Duration ahead) {
        Clock later = Clock.offset(lab.ctx.clock(), ahead);
        EngineContext c = new EngineContext(
                later,
                lab.ctx.sleeper(),
                lab.ctx.threads(),
                lab.ctx.ledger(),
                lab.ctx.pveClients(),
                lab.ctx.ssh(),
                lab.ctx.installationId(),
                lab.ctx.poll(),
                lab.ctx.markerKey(),
                lab.ctx.replacements());
        return new NestedPveEngine(c);
    }
}
