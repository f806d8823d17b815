package io.jenkins.plugins.nestedpve.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.nestedpve.pve.testsupport.OffsetClock;
import io.jenkins.plugins.nestedpve.pve.testsupport.SchemaAudit;
import io.jenkins.plugins.nestedpve.pve.testsupport.SimClients;
import io.jenkins.plugins.nestedpve.sim.LatencyProfile;
import io.jenkins.plugins.nestedpve.sim.Simulator;
import io.jenkins.plugins.nestedpve.sim.http.LogEntry;
import io.jenkins.plugins.nestedpve.wait.Backoff;
import io.jenkins.plugins.nestedpve.wait.Sleeper;
import io.jenkins.plugins.nestedpve.wait.Waiter;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The client against the simulated physical host over real HTTPS, with the host's CI token. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PveClientSimulatorTest {
    private final OffsetClock simClock = new OffsetClock();
    private final AtomicInteger nextVmid = new AtomicInteger(300);
    private Simulator sim;
    private PveClient pve;
    private String node;
    private int template;

    @BeforeAll
    void start() {
        sim = Simulator.builder()
                // full clones last long enough to observe their lock
                .latency(LatencyProfile.realistic()
                        .withScale(0.001)
                        .with(LatencyProfile.Step.FULL_CLONE, Duration.ofSeconds(400)))
                .ssh(false)
                .clock(simClock)
                .hostRootPassword("host-root-pw")
                .guestRootPassword("guest-root-pw")
                .start();
        pve = SimClients.token(sim);
        node = sim.hostNode();
        template = sim.template().vmid();
    }

    @AfterAll
    void everyRequestValidatedAgainstTheOfficialSchema() {
        try {
            assertThat(SchemaAudit.violations(sim, "9.1")).isEmpty();
        } finally {
            pve.close();
            sim.close();
        }
    }

    private int vmid() {
        return nextVmid.getAndIncrement();
    }

    private int linkedClone(String name) throws InterruptedException {
        int id = vmid();
        pve.tasks()
                .await(pve.cloneVm(
                        node, template, CloneRequest.builder(id).name(name).build()));
        return id;
    }

    private static <T> T eventually(String what, Waiter.Probe<T> probe) throws InterruptedException {
        return new Waiter(Clock.systemUTC(), Sleeper.SYSTEM)
                .until(
                        what,
                        Duration.ofSeconds(20),
                        new Backoff(Duration.ofMillis(5), 2, Duration.ofMillis(100)),
                        probe);
    }

    private List<LogEntry> logged(String method, String pathSuffix) {
        return sim.requestLog().entries().stream()
                .filter(e -> e.method().equals(method) && e.path().endsWith(pathSuffix))
                .toList();
    }

    // ---- reading -----------------------------------------------------------------------------

    @Test
    void versionIsTheHostRelease() {
        VersionInfo v = pve.version();

        assertThat(v.release()).isEqualTo("9.1");
        assertThat(v.major()).isEqualTo(9);
    }

    @Test
    void nodesListTheHostWithTheFingerprintItServes() {
        NodeSummary host = pve.nodes().stream()
                .filter(n -> n.node().equals(node))
                .findFirst()
                .orElseThrow();

        assertThat(host.online()).isTrue();
        assertThat(host.fingerprint()).contains(Fingerprint.parse(sim.fingerprint()));
        assertThat(host.maxcpu()).isPositive();
    }

    @Test
    void nodeStatusShowsCpuVendorAndVirtualization() {
        NodeStatus s = pve.nodeStatus(node);

        assertThat(s.cpuinfo().intel()).isTrue();
        assertThat(s.cpuinfo().hvm()).isTrue();
        assertThat(s.memory().total()).isPositive();
        assertThat(s.pveversion()).startsWith("pve-manager/9.");
    }

    @Test
    void storagesForImagesHoldImages() {
        List<StorageInfo> images = pve.storages(node, "images");

        assertThat(images).isNotEmpty().allMatch(StorageInfo::holdsImages);
        assertThat(pve.storages(node)).hasSizeGreaterThanOrEqualTo(images.size());
    }

    @Test
    void networksIncludeTheBridge() {
        assertThat(pve.networks(node)).anyMatch(i -> i.iface().equals("vmbr0") && i.isBridge());
    }

    @Test
    void permissionsOfTheCiTokenAllowVmAllocationBelowVms() {
        Permissions p = pve.permissions();

        assertThat(p.has("/vms/12345", "VM.Allocate")).isTrue();
        assertThat(p.has("/", "Sys.Audit")).isTrue();
        assertThat(p.has("/", "Sys.Modify")).isFalse();
    }

    @Test
    void checkVmidFreeSeesTheTemplateAndAFreeId() {
        assertThat(pve.checkVmidFree(template)).isFalse();
        assertThat(pve.checkVmidFree(777_777)).isTrue();
    }

    @Test
    void nextIdIsFree() {
        assertThat(pve.checkVmidFree(pve.nextId())).isTrue();
    }

    @Test
    void resourcesAndNodeListingShowTheTemplate() {
        VmResource viaCluster = pve.vmResources().stream()
                .filter(r -> r.vmid() == template)
                .findFirst()
                .orElseThrow();

        assertThat(viaCluster.template()).isTrue();
        assertThat(viaCluster.node()).isEqualTo(node);
        assertThat(pve.vms(node)).anyMatch(r -> r.vmid() == template && r.template());
        assertThat(pve.resources("node")).isNotEmpty();
    }

    @Test
    void certificatesInfoNamesTheServedFingerprint() {
        CertificateInfo served =
                CertificateInfo.served(pve.certificatesInfo(node)).orElseThrow();

        assertThat(served.parsedFingerprint()).isEqualTo(Fingerprint.parse(sim.fingerprint()));
    }

    @Test
    void aStandaloneHostHasNoClusterAndNoJoinInfo() {
        assertThat(pve.clusterStatus().clustered()).isFalse();

        PveApiException e = catchThrowableOfType(PveApiException.class, pve::clusterJoinInfo);

        assertThat(e.httpStatus()).isEqualTo(424);
        assertThat(e.getMessage()).contains("not in a cluster");
    }

    @Test
    void tofuProbeReadsTheSameFingerprintAsPinned() {
        assertThat(TofuFingerprintProbe.readServedFingerprint(sim.hostAddress(), sim.apiPort(), Duration.ofSeconds(5)))
                .isEqualTo(Fingerprint.parse(sim.fingerprint()));
    }

    // ---- VM lifecycle ------------------------------------------------------------------------

    @Test
    void cloneReturnsTheSourceTaskAndKeepsNameDescriptionVerbatim() throws Exception {
        int id = vmid();
        String description = "owner=ci a=b&c\nexpires=2026-01-01T00:00:00Z";

        Upid u = pve.cloneVm(
                node,
                template,
                CloneRequest.builder(id)
                        .name("n-" + id)
                        .description(description)
                        .build());
        TaskResult r = pve.tasks().await(u);

        assertThat(u.type()).isEqualTo("qmclone");
        assertThat(u.id()).isEqualTo(Integer.toString(template));
        assertThat(u.user()).isEqualTo(sim.tokenId());
        assertThat(r.exitStatus()).isEqualTo("OK");
        VmConfig c = pve.vmConfig(node, id);
        assertThat(c.name()).contains("n-" + id);
        assertThat(c.description().orElseThrow().strip()).isEqualTo(description);
        assertThat(c.lock()).isEmpty();
    }

    @Test
    void syncConfigUpdateStoresKeysTagsNetAndCloudInit() throws Exception {
        int id = linkedClone("cfg-" + vmid());
        String keys = PveEncoding.sshKeys(
                List.of("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHkq3X4vQ9n5ZsWc2e0kWj0dQm1s7fz1cWl4HnK6cY2b ci@jenkins"));
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("cores", 4);
        changes.put("memory", "2048");
        changes.put("cpu", "host");
        changes.put("tags", PveEncoding.tags(List.of("nested-pve", "lease-7")));
        changes.put("sshkeys", keys);
        changes.put("net0", "virtio,bridge=vmbr0,tag=10");
        changes.put("ipconfig0", "ip=10.0.0.5/24,gw=10.0.0.1");
        changes.put("onboot", false);

        pve.updateVmConfigSync(node, id, changes);

        VmConfig c = pve.vmConfig(node, id);
        assertThat(c.cores()).hasValue(4);
        assertThat(c.memoryMiB()).hasValue(2048);
        assertThat(c.cpuType()).contains("host");
        assertThat(c.tags()).containsExactlyInAnyOrder("nested-pve", "lease-7");
        assertThat(c.get("sshkeys")).contains(keys);
        assertThat(c.net(0).orElseThrow().tag()).isEqualTo(10);
        assertThat(c.net(0).orElseThrow().mac()).startsWith("BC:24:11:");
        assertThat(c.ipconfig(0)).contains("ip=10.0.0.5/24,gw=10.0.0.1");
        assertThat(c.digest()).isPresent();
    }

    @Test
    void asyncConfigUpdateRunsAsATask() throws Exception {
        int id = linkedClone("acfg-" + vmid());

        TaskResult r = pve.tasks().await(pve.updateVmConfigAsync(node, id, Map.of("cores", 3)));

        assertThat(r.upid().type()).isEqualTo("qmconfig");
        assertThat(pve.vmConfig(node, id).cores()).hasValue(3);
    }

    @Test
    void startedGuestAnswersTheAgentAndShutsDown() throws Exception {
        int id = linkedClone("run-" + vmid());

        pve.tasks().await(pve.startVm(node, id));
        assertThat(pve.vmStatus(node, id).running()).isTrue();
        eventually(
                "the guest agent of VM " + id + " should answer",
                () -> Optional.of(pve.agentPing(node, id)).filter(ok -> ok));
        List<AgentInterface> ifaces = pve.agentNetworkInterfaces(node, id);
        pve.tasks().await(pve.shutdownVm(node, id, Duration.ofSeconds(30), true));

        assertThat(ifaces).anySatisfy(i -> {
            assertThat(i.name()).isEqualTo("vmbr0");
            assertThat(i.ipv4()).isNotEmpty();
        });
        assertThat(pve.vmStatus(node, id).stopped()).isTrue();
    }

    @Test
    void agentExecRunsACommandInTheGuest() throws Exception {
        int id = linkedClone("exec-" + vmid());
        pve.tasks().await(pve.startVm(node, id));
        eventually(
                "the guest agent of VM " + id + " should answer",
                () -> Optional.of(pve.agentPing(node, id)).filter(ok -> ok));

        int pid = pve.agentExec(node, id, List.of("cat", "/etc/hostname"), null);
        AgentExecStatus s = eventually(
                "exec " + pid + " should exit",
                () -> Optional.of(pve.agentExecStatus(node, id, pid)).filter(AgentExecStatus::exited));

        assertThat(s.exitCode()).isZero();
        assertThat(s.outData()).isNotBlank();
        pve.tasks().await(pve.stopVm(node, id));
    }

    @Test
    void rebootingAStoppedVmIsASynchronousError() throws Exception {
        int id = linkedClone("rb-" + vmid());

        PveApiException e = catchThrowableOfType(PveApiException.class, () -> pve.rebootVm(node, id));

        assertThat(e.httpStatus()).isEqualTo(500);
        assertThat(e.pveMessage()).isEqualTo("VM " + id + " not running");
    }

    @Test
    void deletingARunningVmIsRefusedAndAfterStopItIsGone() throws Exception {
        int id = linkedClone("del-" + vmid());
        pve.tasks().await(pve.startVm(node, id));

        PveApiException running = catchThrowableOfType(PveApiException.class, () -> pve.deleteVm(node, id, true, true));
        pve.tasks().await(pve.stopVm(node, id));
        TaskResult deleted = pve.tasks().await(pve.deleteVm(node, id, true, true));
        PveNotFoundException gone = catchThrowableOfType(PveNotFoundException.class, () -> pve.vmConfig(node, id));

        assertThat(running.pveMessage()).isEqualTo("VM " + id + " is running - destroy failed");
        assertThat(deleted.upid().type()).isEqualTo("qmdestroy");
        assertThat(gone.isMissingVmConfig()).isTrue();
        assertThat(logged("DELETE", "/qemu/" + id))
                .last()
                .satisfies(e -> assertThat(e.params())
                        .containsEntry("purge", "1")
                        .containsEntry("destroy-unreferenced-disks", "1"));
    }

    @Test
    void createdVmBecomesATemplate() throws Exception {
        int id = vmid();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("vmid", id);
        params.put("name", "made-" + id);
        params.put("memory", 512);
        params.put("cores", 1);
        params.put("net0", "virtio,bridge=vmbr0");
        params.put("scsi0", "local-lvm:1");

        TaskResult created = pve.tasks().await(pve.createVm(node, params));
        pve.tasks().await(pve.convertToTemplate(node, id));

        assertThat(created.upid().type()).isEqualTo("qmcreate");
        assertThat(pve.vmConfig(node, id).template()).isTrue();
    }

    @Test
    void taskLogPagesCarryTheTotal() throws Exception {
        int id = vmid();
        Upid u = pve.cloneVm(node, template, CloneRequest.builder(id).build());
        pve.tasks().await(u);

        TaskLog all = pve.taskLog(u, 0, 0);
        TaskLog last = pve.taskLog(u, Math.max(0, all.total() - 1), 1);

        assertThat(all.total()).isEqualTo(all.lines().size()).isPositive();
        assertThat(last.texts()).containsExactly("TASK OK");
        assertThat(pve.tasks().logTail(u, 2)).endsWith("TASK OK");
    }

    @Test
    void aCloneOfAVmWithPendingChangesEndsWithWarnings() throws Exception {
        int source = linkedClone("pend-" + vmid());
        pve.tasks().await(pve.startVm(node, source));
        pve.updateVmConfigSync(node, source, Map.of("cpu", "host"));

        TaskResult r = pve.tasks()
                .await(pve.cloneVm(
                        node,
                        source,
                        CloneRequest.builder(vmid())
                                .full(true)
                                .storage("local-lvm")
                                .build()));

        assertThat(r.exitStatus()).isEqualTo("WARNINGS: 1");
        assertThat(r.warnings()).isEqualTo(1);
        pve.tasks().await(pve.stopVm(node, source));
    }

    /** Starts a slow full clone and waits until its placeholder config shows {@code lock: clone}. */
    private Upid cloneInProgress(int id) throws InterruptedException {
        Upid u = pve.cloneVm(node, template, CloneRequest.builder(id).full(true).build());
        eventually("VM " + id + " should show lock: clone", () -> {
            try {
                return pve.vmConfig(node, id).lock();
            } catch (PveNotFoundException notYet) {
                return Optional.empty();
            }
        });
        return u;
    }

    @Test
    void changingAVmWhileItsCloneRunsIsARetryableLockTimeout() throws Exception {
        int id = vmid();
        Upid u = cloneInProgress(id);

        PveLockedException e;
        // the default policy would retry this idempotent PUT until the clone is done
        try (PveClient once = SimClients.host(sim)
                .credentials(PveCredentials.ApiToken.of(sim.tokenId(), sim.tokenSecret()))
                .retryPolicy(RetryPolicy.NONE)
                .build()) {
            e = catchThrowableOfType(
                    PveLockedException.class, () -> once.updateVmConfigSync(node, id, Map.of("cores", 2)));
        }
        pve.tasks().await(u);

        assertThat(e.isRetryableLockTimeout()).isTrue();
        assertThat(e.pveMessage()).startsWith("can't lock file").endsWith("got timeout");
        assertThat(logged("PUT", "/qemu/" + id + "/config")).hasSize(1);
    }

    @Test
    void cloningAVmThatIsStillBeingClonedNamesItsLock() throws Exception {
        int id = vmid();
        Upid u = cloneInProgress(id);

        PveLockedException e = catchThrowableOfType(
                PveLockedException.class,
                () -> pve.cloneVm(node, id, CloneRequest.builder(vmid()).build()));
        pve.tasks().await(u);

        assertThat(e.lock()).isEqualTo("clone");
        assertThat(e.isRetryableLockTimeout()).isFalse();
        assertThat(e.getMessage()).contains("VM is locked (clone)").contains("wait for it to finish");
    }

    // ---- failures ----------------------------------------------------------------------------

    @Test
    void aFailedTaskCarriesExitStatusAndLogTail() throws Exception {
        int id = linkedClone("fail-" + vmid());
        sim.faults().failNextTask("qmstart", "KVM virtualisation configured, but not available.");

        Upid u = pve.startVm(node, id);
        TaskFailedException e = catchThrowableOfType(
                TaskFailedException.class, () -> pve.tasks().await(u));

        assertThat(e.exitStatus()).isEqualTo("KVM virtualisation configured, but not available.");
        assertThat(e.logTail()).isNotEmpty().last().asString().startsWith("TASK ERROR: ");
        assertThat(e.getMessage()).startsWith("qmstart " + id + " on node " + node + " failed: KVM virtualisation");
    }

    @Test
    void aCloneLockTimeoutFailsTheCloneTask() {
        int id = vmid();
        sim.faults().cloneLockTimeout(id);

        Upid u = pve.cloneVm(node, template, CloneRequest.builder(id).build());
        TaskFailedException e = catchThrowableOfType(
                TaskFailedException.class, () -> pve.tasks().await(u));

        assertThat(e.exitStatus()).contains("can't lock file").contains("got timeout");
    }

    @Test
    void aGetAnswered503IsRetried() {
        sim.faults().failNextApiCall(503, "Service Unavailable");

        assertThat(pve.version().release()).isEqualTo("9.1");
        assertThat(logged("GET", "/version")).extracting(LogEntry::status).endsWith(503, 200);
    }

    @Test
    void aCloneAnswered503IsNotResentAndTheStateIsReread() {
        int id = vmid();
        sim.faults().failNextApiCall(503, "Service Unavailable");

        PveAmbiguousOutcomeException e = catchThrowableOfType(
                PveAmbiguousOutcomeException.class,
                () -> pve.cloneVm(node, template, CloneRequest.builder(id).build()));

        assertThat(e.observed().presence()).isEqualTo(ObservedVmState.Presence.ABSENT);
        assertThat(logged("POST", "/qemu/" + template + "/clone"))
                .filteredOn(l -> l.status() == 503)
                .hasSize(1);
        assertThat(pve.checkVmidFree(id)).isTrue();
    }

    @Test
    void aWrongTokenSecretIs401() {
        try (PveClient bad = SimClients.host(sim)
                .credentials(PveCredentials.ApiToken.of(sim.tokenId(), "00000000-0000-0000-0000-000000000000"))
                .build()) {
            PveAuthException e = catchThrowableOfType(PveAuthException.class, bad::version);

            assertThat(e.httpStatus()).isEqualTo(401);
            assertThat(e.getMessage()).contains(sim.tokenId()).doesNotContain("00000000-0000");
        }
    }

    @Test
    void clusterCreateWithATokenIsRootOnly() {
        PvePermissionException e =
                catchThrowableOfType(PvePermissionException.class, () -> pve.clusterCreate("c1", null, null));

        assertThat(e.rootOnly()).isTrue();
        assertThat(e.getMessage()).contains("tokens never count as root@pam");
    }

    @Test
    void aNewPrivsepTokenWithoutAclsGetsA403NamingPathAndPrivilege() {
        PveCredentials.ApiToken fresh;
        try (PveClient root = SimClients.rootTicket(sim)) {
            fresh = root.createToken("ci@pve", "t" + vmid(), true, "made by a test");
        }
        try (PveClient limited = SimClients.host(sim).credentials(fresh).build()) {
            PvePermissionException e =
                    catchThrowableOfType(PvePermissionException.class, () -> limited.vmConfig(node, template));

            assertThat(limited.version().release()).isEqualTo("9.1");
            assertThat(e.aclPath()).isEqualTo("/vms/" + template);
            assertThat(e.privilege()).isEqualTo("VM.Audit");
            assertThat(e.getMessage()).contains("--tokens '" + fresh.fullTokenId() + "'");
        }
    }

    @Test
    void anExpiredTicketIsRefusedOnceAndRenewedByLoggingInAgain() {
        try (PveClient root = SimClients.rootTicket(sim)) {
            root.clusterStatus();
            long loginsBefore = logged("POST", "/access/ticket").size();
            simClock.advance(Duration.ofHours(2).plusMinutes(5));

            root.clusterStatus();

            assertThat(logged("GET", "/cluster/status"))
                    .extracting(LogEntry::status)
                    .endsWith(401, 200);
            assertThat(logged("POST", "/access/ticket")).hasSize((int) loginsBefore + 1);
        }
    }

    @Test
    void aTicketNearItsEndIsRenewedBeforeUse() {
        try (PveClient root = SimClients.host(sim)
                .credentials(PveCredentials.rootTicket(sim.hostRootPassword()))
                .clock(simClock)
                .build()) {
            root.clusterStatus();
            long loginsBefore = logged("POST", "/access/ticket").size();
            simClock.advance(Duration.ofMinutes(115));

            root.clusterStatus();

            assertThat(logged("POST", "/access/ticket")).hasSize((int) loginsBefore + 1);
            assertThat(logged("GET", "/cluster/status"))
                    .extracting(LogEntry::status)
                    .endsWith(200, 200);
        }
    }
}
