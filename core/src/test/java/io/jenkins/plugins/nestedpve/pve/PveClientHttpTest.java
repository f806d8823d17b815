package io.jenkins.plugins.nestedpve.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.nestedpve.pve.testsupport.FakePve;
import io.jenkins.plugins.nestedpve.pve.testsupport.FakePve.Answer;
import io.jenkins.plugins.nestedpve.pve.testsupport.SelfSignedTls;
import io.jenkins.plugins.nestedpve.wait.ManualClock;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PveClientHttpTest {
    private static final String SECRET = "0123abcd-4567-89ab-cdef-0123456789ab";
    private static final PveCredentials TOKEN = PveCredentials.apiToken("ci@pve!jenkins=" + SECRET);
    private static final String CLONE = "POST /nodes/pve/qemu/9000/clone";
    private static final String UPID = "UPID:pve:0000AAAA:0000BBBB:6621D3E5:qmclone:9000:ci@pve!jenkins:";
    private static SelfSignedTls tls;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<RequestTrace> traces = new CopyOnWriteArrayList<>();
    private FakePve pve;
    private PveClient client;

    @BeforeAll
    static void certificate() {
        tls = SelfSignedTls.generate("pve");
    }

    @BeforeEach
    void start() throws Exception {
        pve = new FakePve(tls);
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        pve.close();
    }

    private PveClient client(PveCredentials credentials) {
        client = builder(credentials).build();
        return client;
    }

    private PveClientBuilder builder(PveCredentials credentials) {
        return PveClient.builder()
                .host("127.0.0.1")
                .port(pve.port())
                .fingerprint(tls.fingerprint().value().toLowerCase())
                .credentials(credentials)
                .clock(clock)
                .sleeper(clock.sleeper())
                .listener(traces::add);
    }

    private void ticketAnswers() {
        pve.always(
                "POST /access/ticket",
                Answer.data("{\"username\":\"root@pam\",\"ticket\":\"PVE:root@pam:6621D3E5::c2ln+bmF/0dXJl=\","
                        + "\"CSRFPreventionToken\":\"6621D3E5:Y3NyZi10b2tlbg\"}"));
    }

    @Test
    void talksToTheServerWithThePinnedFingerprint() {
        pve.next("GET /version", Answer.data("{\"version\":\"9.1.2\",\"release\":\"9.1\",\"repoid\":\"abc\"}"));

        VersionInfo v = client(TOKEN).version();

        assertThat(v.version()).isEqualTo("9.1.2");
        assertThat(v.major()).isEqualTo(9);
    }

    @Test
    void refusesAServerWithAnotherCertificateShowingBothFingerprints() {
        Fingerprint wrong = SelfSignedTls.generate("other").fingerprint();
        client = builder(TOKEN).fingerprint(wrong).build();

        FingerprintMismatchException e = catchThrowableOfType(FingerprintMismatchException.class, client::version);

        assertThat(e.getMessage())
                .contains("expected: " + wrong.value())
                .contains("actual:   " + tls.fingerprint().value())
                .contains("pvenode cert info")
                .contains("joined a cluster");
        assertThat(pve.log()).isEmpty();
    }

    @Test
    void aClientRepinnedWithTheRightFingerprintConnects() {
        pve.next("GET /version", Answer.data("{\"version\":\"9.1.2\",\"release\":\"9.1\"}"));
        client = builder(TOKEN)
                .fingerprint(SelfSignedTls.generate("old").fingerprint())
                .build();
        assertThatThrownBy(client::version).isInstanceOf(FingerprintMismatchException.class);

        try (PveClient repinned = client.withFingerprint(tls.fingerprint())) {
            assertThat(repinned.version().release()).isEqualTo("9.1");
            assertThat(repinned.endpoint().fingerprint()).isEqualTo(tls.fingerprint());
        }
    }

    @Test
    void aFailingListenerDoesNotFailTheCall() {
        pve.next("GET /version", Answer.data("{\"version\":\"9.1.2\"}"));
        client = builder(TOKEN)
                .listener(t -> {
                    throw new IllegalStateException("log hook broken");
                })
                .build();

        assertThat(client.version().version()).isEqualTo("9.1.2");
    }

    @Test
    void sendsTheTokenHeaderAndNoCsrfToken() {
        pve.next(
                "POST /nodes/pve/qemu/101/status/start",
                Answer.data("\"" + UPID.replace("qmclone:9000", "qmstart:101") + "\""));

        Upid u = client(TOKEN).startVm("pve", 101);

        FakePve.Request r = pve.log().get(0);
        assertThat(u.type()).isEqualTo("qmstart");
        assertThat(r.header("Authorization")).isEqualTo("PVEAPIToken=ci@pve!jenkins=" + SECRET);
        assertThat(r.header("CSRFPreventionToken")).isNull();
    }

    @Test
    void a401WithEmptyBodyBecomesAnAuthExceptionWithoutRetry() {
        pve.always("GET /nodes", Answer.empty(401));

        PveAuthException e = catchThrowableOfType(PveAuthException.class, client(TOKEN)::nodes);

        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.reason()).isEqualTo("authentication failed");
        assertThat(e.getMessage())
                .contains("GET /nodes: 401")
                .contains("empty body")
                .doesNotContain(SECRET);
        assertThat(pve.requests("GET /nodes")).hasSize(1);
    }

    @Test
    void a403MessageFromTheBodyNamesPrivilegeAndPath() {
        pve.next(CLONE, Answer.error(403, "Permission check failed (/vms/101, VM.Allocate)"));

        PvePermissionException e = catchThrowableOfType(
                PvePermissionException.class,
                () -> client(TOKEN)
                        .cloneVm("pve", 9000, CloneRequest.builder(101).build()));

        assertThat(e.privilege()).isEqualTo("VM.Allocate");
        assertThat(e.aclPath()).isEqualTo("/vms/101");
        assertThat(e.reason()).isEqualTo("Permission check failed (/vms/101, VM.Allocate)");
        assertThat(e.method()).isEqualTo("POST");
        assertThat(e.path()).isEqualTo("/nodes/pve/qemu/9000/clone");
    }

    @Test
    void a400CarriesPveErrorsMap() {
        pve.next(
                CLONE,
                new Answer(
                        400,
                        "{\"data\":null,\"message\":\"Parameter verification failed.\\n\","
                                + "\"errors\":{\"name\":\"invalid format - value does not look like a valid DNS name\\n\"}}"));

        PveValidationException e = catchThrowableOfType(
                PveValidationException.class,
                () -> client(TOKEN)
                        .cloneVm("pve", 9000, CloneRequest.builder(101).build()));

        assertThat(e.pveErrors()).containsEntry("name", "invalid format - value does not look like a valid DNS name\n");
        assertThat(e.getMessage()).contains("name: invalid format");
    }

    @Test
    void ticketLoginSendsJsonAndTheCookieAndCsrfOnlyOnWrites() {
        ticketAnswers();
        pve.always("GET /cluster/status", Answer.data("[]"));
        pve.next(
                "POST /cluster/config",
                Answer.data("\"UPID:pve:00000001:00000002:6621D3E5:clustercreate:c1:root@pam:\""));

        PveClient c = client(PveCredentials.rootTicket("hunter2"));
        c.clusterStatus();
        c.clusterCreate("c1", null, null);

        FakePve.Request login = pve.requests("POST /access/ticket").get(0);
        assertThat(login.header("Content-Type")).isEqualTo("application/json");
        assertThat(login.json().get("username").asText()).isEqualTo("root@pam");
        assertThat(login.json().get("password").asText()).isEqualTo("hunter2");
        FakePve.Request get = pve.requests("GET /cluster/status").get(0);
        assertThat(get.header("Cookie"))
                .startsWith("PVEAuthCookie=PVE%3Aroot%40pam%3A6621D3E5%3A%3Ac2ln%2BbmF%2F0dXJl%3D");
        assertThat(get.header("CSRFPreventionToken")).isNull();
        FakePve.Request post = pve.requests("POST /cluster/config").get(0);
        assertThat(post.header("CSRFPreventionToken")).isEqualTo("6621D3E5:Y3NyZi10b2tlbg");
        assertThat(post.json().get("clustername").asText()).isEqualTo("c1");
        assertThat(pve.requests("POST /access/ticket")).hasSize(1);
    }

    @Test
    void logsInAgainWhenTheTicketIsOlderThanItsRenewalAge() {
        ticketAnswers();
        pve.always("GET /cluster/status", Answer.data("[]"));
        PveClient c = client(PveCredentials.rootTicket("hunter2"));

        c.clusterStatus();
        clock.advance(Duration.ofMinutes(109));
        c.clusterStatus();
        assertThat(pve.requests("POST /access/ticket")).hasSize(1);
        clock.advance(Duration.ofMinutes(2));
        c.clusterStatus();

        assertThat(pve.requests("POST /access/ticket")).hasSize(2);
    }

    @Test
    void logsInAgainOnceAfterA401AndRepeatsTheRequest() {
        ticketAnswers();
        pve.next("GET /cluster/status", Answer.empty(401));
        pve.next("GET /cluster/status", Answer.data("[{\"type\":\"node\",\"name\":\"pve\",\"online\":1}]"));

        ClusterStatus s = client(PveCredentials.rootTicket("hunter2")).clusterStatus();

        assertThat(s.onlineNodes()).containsExactly("pve");
        assertThat(pve.requests("POST /access/ticket")).hasSize(2);
    }

    @Test
    void gives401UpAfterOneFreshLogin() {
        ticketAnswers();
        pve.always("GET /cluster/status", Answer.empty(401));

        assertThatThrownBy(client(PveCredentials.rootTicket("hunter2"))::clusterStatus)
                .isInstanceOf(PveAuthException.class)
                .hasMessageNotContaining("hunter2");
        assertThat(pve.requests("POST /access/ticket")).hasSize(2);
        assertThat(pve.requests("GET /cluster/status")).hasSize(2);
    }

    @Test
    void aRefusedLoginSaysToCheckUserAndPassword() {
        pve.always("POST /access/ticket", Answer.empty(401));

        assertThatThrownBy(client(PveCredentials.rootTicket("hunter2"))::clusterStatus)
                .isInstanceOf(PveAuthException.class)
                .hasMessageContaining("login as root@pam was refused")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void retriesAGetAfter503WithBackoffOnTheInjectedClock() {
        pve.next("GET /nodes", Answer.error(503, "Service Unavailable"));
        pve.next("GET /nodes", Answer.error(503, "Service Unavailable"));
        pve.next("GET /nodes", Answer.data("[{\"node\":\"pve\",\"status\":\"online\",\"maxcpu\":\"8\"}]"));
        Instant before = clock.instant();

        List<NodeSummary> nodes = client(TOKEN).nodes();

        assertThat(nodes).extracting(NodeSummary::maxcpu).containsExactly(8);
        assertThat(pve.requests("GET /nodes")).hasSize(3);
        assertThat(Duration.between(before, clock.instant())).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void neverResendsACloneAfter503AndReportsWhatItReread() {
        pve.next(CLONE, Answer.error(503, "Service Unavailable"));
        pve.next("GET /nodes/pve/qemu/101/config", Answer.data("{\"lock\":\"clone\",\"name\":\"n1\"}"));
        pve.next("GET /nodes/pve/tasks", Answer.data("[{\"upid\":\"" + UPID + "\"}]"));

        PveAmbiguousOutcomeException e = catchThrowableOfType(
                PveAmbiguousOutcomeException.class,
                () -> client(TOKEN)
                        .cloneVm(
                                "pve",
                                9000,
                                CloneRequest.builder(101).name("n1").build()));

        assertThat(pve.requests(CLONE)).hasSize(1);
        assertThat(e.observed().presence()).isEqualTo(ObservedVmState.Presence.PRESENT);
        assertThat(e.observed().lock()).isEqualTo("clone");
        assertThat(e.observed().activeTasks()).extracting(Upid::value).containsExactly(UPID);
        assertThat(e.getMessage()).contains("not re-sent").contains("VM 101 exists (lock: clone)");
        assertThat(pve.requests("GET /nodes/pve/tasks").get(0).rawQuery())
                .contains("source=active")
                .contains("typefilter=qmclone")
                .contains("vmid=9000");
    }

    @Test
    void anAmbiguousCloneWhoseVmIsAbsentSaysSo() {
        pve.next(CLONE, Answer.error(502, "Bad Gateway"));
        pve.next(
                "GET /nodes/pve/qemu/101/config",
                Answer.error(500, "Configuration file 'nodes/pve/qemu-server/101.conf' does not exist"));
        pve.next("GET /nodes/pve/tasks", Answer.data("[]"));

        PveAmbiguousOutcomeException e = catchThrowableOfType(
                PveAmbiguousOutcomeException.class,
                () -> client(TOKEN)
                        .cloneVm("pve", 9000, CloneRequest.builder(101).build()));

        assertThat(e.observed().presence()).isEqualTo(ObservedVmState.Presence.ABSENT);
        assertThat(e.observed().activeTasks()).isEmpty();
    }

    @Test
    void aCloneLockTimeoutIsNotResentButMarkedRetryable() {
        pve.next(CLONE, Answer.error(500, "can't lock file '/var/lock/qemu-server/lock-9000.conf' - got timeout"));

        PveLockedException e = catchThrowableOfType(
                PveLockedException.class,
                () -> client(TOKEN)
                        .cloneVm("pve", 9000, CloneRequest.builder(101).build()));

        assertThat(e.isRetryableLockTimeout()).isTrue();
        assertThat(pve.requests(CLONE)).hasSize(1);
    }

    @Test
    void aConnectionRefusedGetIsRetriedThenReportedAsNothingSent() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        client = builder(TOKEN).port(closedPort).build();

        PveTransportException e = catchThrowableOfType(PveTransportException.class, client::version);

        assertThat(e.nothingSent()).isTrue();
        assertThat(e.getMessage()).contains("GET /version").contains("got no answer");
        assertThat(traces).hasSize(RetryPolicy.DEFAULT.maxAttempts());
    }

    @Test
    void stoppingATaskIsIdempotentSoA503IsRetried() {
        String key = "DELETE /nodes/pve/tasks/" + UPID;
        pve.next(key, Answer.error(503, "Service Unavailable"));
        pve.next(key, Answer.data("null"));

        client(TOKEN).stopTask(Upid.parse(UPID));

        assertThat(pve.requests(key)).hasSize(2);
    }

    @Test
    void checkVmidFreeReadsThe400AlreadyExists() {
        pve.next(
                "GET /cluster/nextid",
                new Answer(
                        400,
                        "{\"data\":null,\"message\":\"Parameter verification failed.\\n\","
                                + "\"errors\":{\"vmid\":\"VM 101 already exists\\n\"}}"));
        pve.next("GET /cluster/nextid", Answer.data("\"102\""));

        assertThat(client(TOKEN).checkVmidFree(101)).isFalse();
        assertThat(client.checkVmidFree(102)).isTrue();
        assertThat(pve.requests("GET /cluster/nextid").get(1).rawQuery()).isEqualTo("vmid=102");
    }

    @Test
    void configChangesGoAsJsonWithStrictSshKeysAndBooleansAsNumbers() {
        pve.next("PUT /nodes/pve/qemu/101/config", Answer.data("null"));

        client(TOKEN)
                .updateVmConfigSync(
                        "pve",
                        101,
                        Map.of("sshkeys", PveEncoding.sshKeys(List.of("ssh-ed25519 AAAA= ci")), "onboot", true));

        FakePve.Request r = pve.log().get(0);
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.json().get("sshkeys").asText()).isEqualTo("ssh-ed25519%20AAAA%3D%20ci");
        assertThat(r.json().get("onboot").isInt()).isTrue();
        assertThat(r.json().get("onboot").asInt()).isEqualTo(1);
    }

    @Test
    void deleteSendsFlagsAsOneInTheQuery() {
        pve.next(
                "DELETE /nodes/pve/qemu/101", Answer.data("\"" + UPID.replace("qmclone:9000", "qmdestroy:101") + "\""));

        Upid u = client(TOKEN).deleteVm("pve", 101, true, true);

        assertThat(u.type()).isEqualTo("qmdestroy");
        assertThat(pve.log().get(0).rawQuery()).isEqualTo("purge=1&destroy-unreferenced-disks=1");
        assertThat(pve.log().get(0).body()).isEmpty();
    }

    @Test
    void tracesRedactPasswords() {
        ticketAnswers();
        pve.next(
                "POST /cluster/config/join",
                Answer.data("\"UPID:n2:00000001:00000002:6621D3E5:clusterjoin::root@pam:\""));

        client(PveCredentials.rootTicket("hunter2")).clusterJoin("10.0.0.1", tls.fingerprint(), "peer-secret", null);

        assertThat(traces)
                .extracting(RequestTrace::toString)
                .noneMatch(t -> t.contains("hunter2") || t.contains("peer-secret"));
        assertThat(traces.get(0).params()).contains("password=****").contains("username=root@pam");
        assertThat(traces).extracting(RequestTrace::path).containsExactly("/access/ticket", "/cluster/config/join");
    }

    @Test
    void tofuProbeReadsTheServedFingerprintWithoutSendingARequest() {
        Fingerprint fp = TofuFingerprintProbe.readServedFingerprint("127.0.0.1", pve.port(), Duration.ofSeconds(5));

        assertThat(fp).isEqualTo(tls.fingerprint());
        assertThat(pve.log()).isEmpty();
    }

    @Test
    void closingTwiceIsHarmlessAndAClosedClientRefusesCalls() {
        PveClient c = client(TOKEN);
        c.close();
        c.close();

        assertThatThrownBy(c::version).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
