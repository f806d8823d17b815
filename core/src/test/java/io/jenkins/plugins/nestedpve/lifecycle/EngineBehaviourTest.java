package io.jenkins.plugins.nestedpve.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.nestedpve.cluster.HostCredentials;
import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.cluster.NestedNode;
import io.jenkins.plugins.nestedpve.cluster.Secret;
import io.jenkins.plugins.nestedpve.events.Outcome;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import io.jenkins.plugins.nestedpve.events.Timeline;
import io.jenkins.plugins.nestedpve.provision.ProvisioningException;
import io.jenkins.plugins.nestedpve.pve.Fingerprint;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.PveCredentials;
import io.jenkins.plugins.nestedpve.sim.model.SimVm;
import io.jenkins.plugins.nestedpve.spec.Addressing;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.spec.SpecValidationException;
import io.jenkins.plugins.nestedpve.teardown.TeardownException;
import io.jenkins.plugins.nestedpve.teardown.TeardownReport;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Single-node provisionings that exercise one engine behaviour each, on a shared simulator. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineBehaviourTest {
    private SimLab lab;
    private Timeline events;

    @BeforeAll
    void start() {
        lab = new SimLab(SimLab.simulator(0.002).start());
    }

    @AfterAll
    void stop() {
        lab.close();
    }

    @AfterEach
    void nothingLeft() {
        assertThat(lab.guestVms()).isEmpty();
    }

    private NestedCluster provisionAndTearDown(io.jenkins.plugins.nestedpve.spec.ClusterSpec spec) {
        events = new Timeline(lab.ctx.clock());
        NestedCluster cluster = lab.engine.provision(spec, lab.token(), lab.guest(), events);
        TeardownReport report = lab.engine.teardown(cluster, lab.token(), events);
        assertThat(report.ok()).isTrue();
        return cluster;
    }

    private List<String> messages() {
        return events.messages().stream().map(Timeline.MessageRecord::text).toList();
    }

    @Test
    void aLockTimeoutOnTheNewVmidMeansAnotherCallerIsCreatingItSoAnotherVmid() {
        lab.sim.faults().cloneLockTimeout(82000);
        NestedCluster c =
                provisionAndTearDown(lab.spec(1).vmidRange(82000, 82009).build());
        assertThat(c.firstNode().vmid()).isBetween(82001, 82009);
        assertThat(messages())
                .anySatisfy(m -> assertThat(m)
                        .startsWith("VMID 82000 is being created by another caller (can't lock file"
                                + " '/var/lock/qemu-server/lock-82000.conf' - got timeout)"));
    }

    @Test
    void aVmidTakenByAnotherCallerMeansAnotherVmid() {
        lab.sim.faults().failNextTask("qmclone", "unable to create VM 83000: config file already exists");
        NestedCluster c =
                provisionAndTearDown(lab.spec(1).vmidRange(83000, 83009).build());
        assertThat(c.firstNode().vmid()).isBetween(83001, 83009);
        assertThat(messages()).anySatisfy(m -> assertThat(m).startsWith("VMID 83000 was taken meanwhile"));
    }

    @Test
    void staticAddressesComeFromThePoolThroughCloudInit() {
        List<String> pool = lab.sim.staticAddresses().subList(5, 7);
        Addressing addressing = Addressing.staticPool(pool, 24, lab.sim.hostAddress(), null);
        NestedCluster c =
                provisionAndTearDown(lab.spec(2).addressing(addressing).build());
        assertThat(c.nodes()).extracting(NestedNode::address).containsExactlyElementsOf(pool);
        assertThat(events.phases()).anySatisfy(r -> assertThat(r.phase()).isEqualTo(Phase.JOIN));
    }

    @Test
    void smokeCheckCanBeTurnedOff() {
        provisionAndTearDown(lab.spec(1).smokeCheck(false).build());
        assertThat(events.phases())
                .filteredOn(r -> r.phase() == Phase.SMOKE_CHECK)
                .singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED));
    }

    @Test
    void theSmokeCheckCanAlsoStartAContainerFromTheGuestsCtTemplate() {
        provisionAndTearDown(lab.spec(1).smokeCheckContainer(true).build());
        assertThat(events.phases())
                .filteredOn(r -> r.phase() == Phase.SMOKE_CHECK)
                .singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(Outcome.SUCCEEDED));
        assertThat(messages())
                .anySatisfy(m -> assertThat(m)
                        .matches("container \\d+ \\(\\S+:vztmpl/\\S+\\.tar\\.\\w+\\) started and stopped on \\S+"));
    }

    @Test
    void aStandaloneNodeSkipsClusterFormation() {
        NestedCluster c = provisionAndTearDown(lab.spec(1).build());
        assertThat(c.clustered()).isFalse();
        assertThat(events.phases())
                .filteredOn(r -> r.phase() == Phase.CLUSTER_CREATE || r.phase() == Phase.QUORUM)
                .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.SKIPPED))
                .hasSize(2);
        assertThat(events.phases()).noneMatch(r -> r.phase() == Phase.JOIN);
    }

    @Test
    void aGuestStoppedBecauseAnotherFailedEndsAsCancelledAndSaysWhy() {
        ClusterSpec spec = lab.spec(2).build();
        String n1 = spec.nodeNames().get(0);
        String n2 = spec.nodeNames().get(1);
        events = new Timeline(lab.ctx.clock());
        java.util.concurrent.CountDownLatch n2Configuring = new java.util.concurrent.CountDownLatch(1);
        ProgressListener listener = ProgressListener.composite(
                events,
                // n1 fails its start only once n2 is inside its configure phase (the clones of one
                // template are serialized, so n2 may still be cloning when n1 configures)
                new PhaseHook(Phase.CONFIGURE, n1, () -> {
                    awaitQuietly(n2Configuring);
                    lab.failAGuestsStarts();
                }),
                // n2 waits here until the failure of n1 stops it
                new PhaseHook(Phase.CONFIGURE, n2, () -> {
                    n2Configuring.countDown();
                    blockUntilInterrupted();
                }));

        ProvisioningException e = catchThrowableOfType(
                ProvisioningException.class, () -> lab.engine.provision(spec, lab.token(), lab.guest(), listener));

        assertThat(e.phase()).isEqualTo(Phase.START);
        assertThat(events.phases())
                .filteredOn(r -> r.phase() == Phase.CONFIGURE && n2.equals(r.node()))
                .singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(Outcome.CANCELLED));
        assertThat(messages())
                .contains(n1 + " failed in start: stopping the other guests (their phases end as cancelled)");
    }

    private static void awaitQuietly(java.util.concurrent.CountDownLatch latch) {
        try {
            if (!latch.await(2, java.util.concurrent.TimeUnit.MINUTES)) {
                throw new AssertionError("the other guest never reached its configure phase");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void blockUntilInterrupted() {
        try {
            new java.util.concurrent.CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void teardownErrorsAreSuppressedOnTheFirstFailureNeverReplacingIt() {
        ProgressListener hooks = ProgressListener.composite(
                new PhaseHook(Phase.START, null, () -> lab.failAGuestsStarts()),
                new PhaseHook(
                        Phase.TEARDOWN,
                        null,
                        () -> lab.ourVms()
                                .forEach(vm -> vm.withConfig(c -> {
                                    c.set("protection", "1");
                                    return null;
                                }))));
        ProvisioningException e = catchThrowableOfType(
                ProvisioningException.class,
                () -> lab.engine.provision(lab.spec(1).build(), lab.token(), lab.guest(), hooks));

        assertThat(e.phase()).isEqualTo(Phase.START);
        assertThat(e.getMessage()).contains("simulated failure of qmstart");
        assertThat(e.getSuppressed()).singleElement().satisfies(t -> {
            assertThat(t).isInstanceOf(TeardownException.class);
            assertThat(t.getMessage()).contains("protection mode enabled").contains("destroy it by hand: qm stop");
        });
        assertThat(e.diagnostics())
                .anySatisfy(d -> assertThat(d).matches("VM \\d+ \\(np-t\\d+-n1\\): status stopped.*"));

        SimVm left = lab.ourVms().get(0);
        left.withConfig(c -> {
            c.remove("protection");
            return null;
        });
        assertThat(lab.engine
                        .teardown(e.lease(), lab.host(), lab.token(), ProgressListener.NOOP)
                        .ok())
                .isTrue();
    }

    @Test
    void teardownRetriesAVmWhoseStopAndDestroyFailOnce() {
        NestedCluster c = lab.engine.provision(lab.spec(1).build(), lab.token(), lab.guest(), ProgressListener.NOOP);
        lab.sim
                .faults()
                .failNextTask("qmstop", "VM quit/powerdown failed - got timeout")
                .failNextTask("qmdestroy", "VM is locked (backup)");
        TeardownReport report = lab.engine.teardown(c, lab.token(), ProgressListener.NOOP);
        assertThat(report.ok()).isTrue();
        assertThat(report.count(TeardownReport.Result.DESTROYED)).isEqualTo(1);
    }

    @Test
    void aTokenWithoutPrivilegesFailsValidationSayingWhatToGrantAndCreatesNothing() {
        String secret;
        try (PveClient root = lab.ctx
                .pveClients()
                .connect(
                        lab.sim.hostAddress(),
                        lab.sim.apiPort(),
                        lab.sim.hostNode(),
                        Fingerprint.parse(lab.sim.fingerprint()),
                        PveCredentials.rootTicket(lab.sim.hostRootPassword()))) {
            secret = root.createToken("ci@pve", "weak", true, "no ACLs of its own")
                    .secret();
        }
        HostCredentials weak =
                HostCredentials.apiToken("ci@pve!weak", Secret.of(secret)).build();

        ProvisioningException e = catchThrowableOfType(
                ProvisioningException.class,
                () -> lab.engine.provision(lab.spec(2).build(), weak, lab.guest(), ProgressListener.NOOP));

        assertThat(e.phase()).isEqualTo(Phase.VALIDATE);
        assertThat(e.getCause()).isInstanceOf(SpecValidationException.class);
        assertThat(((SpecValidationException) e.getCause()).problems())
                .anySatisfy(p -> {
                    assertThat(p.field()).isEqualTo("host.apiToken");
                    assertThat(p.message()).contains("VM.Allocate").contains("grant PVEVMAdmin on /vms");
                })
                .anySatisfy(p -> assertThat(p.field()).isEqualTo("template"));
        assertThat(e.getMessage()).contains("nothing was created");
        assertThat(lab.ledger.entries()).noneMatch(en -> en.cluster().equals(e.lease()));
    }
}
