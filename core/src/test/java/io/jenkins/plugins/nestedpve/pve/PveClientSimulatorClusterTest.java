package io.jenkins.plugins.nestedpve.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.nestedpve.pve.testsupport.SchemaAudit;
import io.jenkins.plugins.nestedpve.pve.testsupport.SimClients;
import io.jenkins.plugins.nestedpve.sim.Simulator;
import io.jenkins.plugins.nestedpve.wait.Backoff;
import io.jenkins.plugins.nestedpve.wait.Sleeper;
import io.jenkins.plugins.nestedpve.wait.Waiter;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The client against simulated PVE guests (the template's release) with root@pam tickets: first
 * contact by TOFU fingerprint cross-checked through the API, cluster create, status, nodes, join
 * info, and a join that PVE refuses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PveClientSimulatorClusterTest {
    private static final String GUEST_PW = "guest-root-pw";
    private Simulator sim;
    private PveClient host;
    private Guest first;
    private Guest second;

    /** A booted guest: its address, the fingerprint read by TOFU and a pinned root@pam client. */
    private record Guest(String ip, Fingerprint fingerprint, PveClient api) {}

    @BeforeAll
    void start() throws Exception {
        sim = Simulator.builder()
                .latencyScale(0.001)
                .ssh(false)
                .hostRootPassword("host-root-pw")
                .guestRootPassword(GUEST_PW)
                .start();
        host = SimClients.token(sim);
        first = boot(400);
        second = boot(401);
        first.api().tasks().await(first.api().clusterCreate("c1", null, null));
    }

    @AfterAll
    void everyRequestValidatedAgainstTheOfficialSchema() {
        String hostAddress = sim.hostAddress() + ":" + sim.apiPort();
        try {
            assertThat(SchemaAudit.violations(
                            sim,
                            e -> e.server().equals(hostAddress)
                                    ? "9.1"
                                    : sim.template().release()))
                    .isEmpty();
        } finally {
            for (Guest g : new Guest[] {first, second}) {
                if (g != null) {
                    g.api().close();
                }
            }
            host.close();
            sim.close();
        }
    }

    private Guest boot(int vmid) throws InterruptedException {
        String node = sim.hostNode();
        host.tasks()
                .await(host.cloneVm(
                        node, sim.template().vmid(), CloneRequest.builder(vmid).build()));
        host.tasks().await(host.startVm(node, vmid));
        String ip = eventually("VM " + vmid + " should report an IPv4 address on vmbr0", () -> {
            if (!host.agentPing(node, vmid)) {
                return Optional.empty();
            }
            return host.agentNetworkInterfaces(node, vmid).stream()
                    .filter(i -> i.name().equals("vmbr0"))
                    .flatMap(i -> i.ipv4().stream())
                    .findFirst();
        });
        Fingerprint tofu = eventually("the API of " + ip + " should present a certificate", () -> {
            try {
                return Optional.of(
                        TofuFingerprintProbe.readServedFingerprint(ip, sim.apiPort(), Duration.ofSeconds(2)));
            } catch (PveTransportException notYet) {
                return Optional.empty();
            }
        });
        PveClient api = PveClient.builder()
                .host(ip)
                .port(sim.apiPort())
                .fingerprint(tofu)
                .credentials(PveCredentials.rootTicket(GUEST_PW))
                .sleeper(Sleeper.SYSTEM)
                .taskPoll(SimClients.FAST_POLL)
                .retryPolicy(SimClients.FAST_RETRY)
                .build();
        return new Guest(ip, tofu, api);
    }

    private static <T> T eventually(String what, Waiter.Probe<T> probe) throws InterruptedException {
        return new Waiter(Clock.systemUTC(), Sleeper.SYSTEM)
                .until(
                        what,
                        Duration.ofSeconds(30),
                        new Backoff(Duration.ofMillis(5), 2, Duration.ofMillis(100)),
                        probe);
    }

    private static String localNode(PveClient api) {
        return api.nodes().get(0).node();
    }

    @Test
    void theTofuFingerprintIsTheOneTheGuestReportsThroughItsApi() {
        String node = localNode(second.api());

        CertificateInfo served =
                CertificateInfo.served(second.api().certificatesInfo(node)).orElseThrow();

        assertThat(served.parsedFingerprint()).isEqualTo(second.fingerprint());
    }

    @Test
    void theCreatedClusterIsQuorateWithOneNode() {
        ClusterStatus s = first.api().clusterStatus();

        assertThat(s.clustered()).isTrue();
        assertThat(s.quorate()).isTrue();
        assertThat(s.clusterEntry().orElseThrow().name()).isEqualTo("c1");
        assertThat(s.onlineNodes()).containsExactly(localNode(first.api()));
    }

    @Test
    void clusterNodesListTheCreator() {
        assertThat(first.api().clusterNodes())
                .singleElement()
                .satisfies(n -> assertThat(n.nodeid()).isEqualTo(1));
    }

    @Test
    void joinInfoPinsTheCreatorsFingerprint() {
        JoinInfo info = first.api().clusterJoinInfo();

        assertThat(info.clusterName()).isEqualTo("c1");
        assertThat(info.nodes()).hasSize(1);
        assertThat(info.preferred().orElseThrow().fingerprint()).isEqualTo(first.fingerprint());
        assertThat(info.preferred().orElseThrow().nodeid()).isEqualTo(1);
        assertThat(info.configDigest()).isNotBlank();
    }

    @Test
    void creatingASecondClusterOnTheSameNodeIsRefused() {
        PveApiException e =
                catchThrowableOfType(PveApiException.class, () -> first.api().clusterCreate("c2", null, null));

        assertThat(e.pveMessage()).isEqualTo("cluster config '/etc/pve/corosync.conf' already exists");
    }

    @Test
    void aJoinWithoutLinkFromACloneFailsOnTheTemplatesAddress() {
        // the clone's node name still resolves to the template's address (pve-facts §5.1)
        Upid join = second.api().clusterJoin(first.ip(), first.fingerprint(), GUEST_PW, null);

        TaskFailedException e = catchThrowableOfType(
                TaskFailedException.class, () -> second.api().tasks().await(join));

        assertThat(e.exitStatus()).isEqualTo("Check if node may join a cluster failed!");
        assertThat(e.logTail()).anyMatch(l -> l.contains("local node address: cannot use IP"));
    }

    @Test
    void aJoinOfAGuestWithTheSameNodeNameFailsInItsTask() throws Exception {
        Upid join = second.api().clusterJoin(first.ip(), first.fingerprint(), GUEST_PW, second.ip());

        TaskFailedException e = catchThrowableOfType(
                TaskFailedException.class, () -> second.api().tasks().await(join));

        assertThat(join.type()).isEqualTo("clusterjoin");
        assertThat(join.id()).isEmpty();
        assertThat(String.join("\n", e.logTail()) + e.exitStatus()).contains("can't add existing node");
    }
}
