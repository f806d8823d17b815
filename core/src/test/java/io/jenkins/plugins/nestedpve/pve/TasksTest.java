package io.jenkins.plugins.nestedpve.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.nestedpve.pve.testsupport.FakePve;
import io.jenkins.plugins.nestedpve.pve.testsupport.FakePve.Answer;
import io.jenkins.plugins.nestedpve.pve.testsupport.SelfSignedTls;
import io.jenkins.plugins.nestedpve.wait.Deadline;
import io.jenkins.plugins.nestedpve.wait.ManualClock;
import io.jenkins.plugins.nestedpve.wait.WaitTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TasksTest {
    private static final Upid UPID = Upid.parse("UPID:pve:0000AAAA:0000BBBB:6621D3E5:qmclone:9000:ci@pve!jenkins:");
    private static final String STATUS = "GET /nodes/pve/tasks/" + UPID + "/status";
    private static final String LOG = "GET /nodes/pve/tasks/" + UPID + "/log";
    private static SelfSignedTls tls;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private FakePve pve;
    private PveClient client;

    @BeforeAll
    static void certificate() {
        tls = SelfSignedTls.generate("pve");
    }

    @BeforeEach
    void start() throws Exception {
        pve = new FakePve(tls);
        client = PveClient.builder()
                .host("127.0.0.1")
                .port(pve.port())
                .fingerprint(tls.fingerprint())
                .credentials(PveCredentials.apiToken("ci@pve!jenkins=0123abcd-4567-89ab-cdef-0123456789ab"))
                .clock(clock)
                .sleeper(clock.sleeper())
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        pve.close();
    }

    private static Answer running() {
        return Answer.data("{\"status\":\"running\",\"upid\":\"" + UPID + "\"}");
    }

    private static Answer stopped(String exit) {
        return Answer.data("{\"status\":\"stopped\",\"exitstatus\":\"" + exit + "\"}");
    }

    @Test
    void pollsUntilStoppedAndReturnsOk() throws Exception {
        pve.next(STATUS, running()).next(STATUS, running()).next(STATUS, stopped("OK"));

        TaskResult r = client.tasks().await(UPID, Deadline.after(clock, Duration.ofMinutes(1)));

        assertThat(r.exitStatus()).isEqualTo("OK");
        assertThat(r.warnings()).isZero();
        assertThat(pve.requests(STATUS)).hasSize(3);
        // TASK_POLL backoff: 100 ms then 110 ms on the manual clock
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00.210Z"));
    }

    @Test
    void warningsCountAsSuccess() throws Exception {
        pve.next(STATUS, stopped("WARNINGS: 2"));

        TaskResult r = client.tasks().await(UPID);

        assertThat(r.warnings()).isEqualTo(2);
    }

    @Test
    void aFailedTaskCarriesExitStatusAndTheLogTail() {
        pve.next(
                STATUS,
                stopped("clone failed: Linked clone feature is not supported for 'local:9000/base.raw' (scsi0)"));
        pve.next(LOG, Answer.data("[{\"n\":1,\"t\":\"create full clone\"}]").withTotal(30));
        StringJoiner lines = new StringJoiner(",");
        for (int n = 11; n <= 30; n++) {
            lines.add("{\"n\":" + n + ",\"t\":\"line " + n + "\"}");
        }
        pve.next(LOG, Answer.data("[" + lines + "]").withTotal(30));

        TaskFailedException e = catchThrowableOfType(
                TaskFailedException.class, () -> client.tasks().await(UPID));

        assertThat(e.exitStatus()).startsWith("clone failed: Linked clone feature");
        assertThat(e.logTail()).hasSize(20).startsWith("line 11").endsWith("line 30");
        assertThat(e.upid()).isEqualTo(UPID);
        assertThat(e.getMessage())
                .startsWith("qmclone 9000 on node pve failed: clone failed: Linked clone feature")
                .contains("(" + UPID + ")")
                .contains("line 30");
        assertThat(pve.requests(LOG).get(1).rawQuery()).isEqualTo("start=10&limit=20");
    }

    @Test
    void aFailureWhoseLogCannotBeReadStillReportsTheExitStatus() {
        pve.next(STATUS, stopped("VM is locked (clone)"));
        pve.always(LOG, Answer.error(400, "no such task"));

        TaskFailedException e = catchThrowableOfType(
                TaskFailedException.class, () -> client.tasks().await(UPID));

        assertThat(e.exitStatus()).isEqualTo("VM is locked (clone)");
        assertThat(e.logTail()).singleElement().asString().startsWith("(task log not available");
    }

    @Test
    void givesUpAtTheDeadlineNamingTheTask() {
        pve.always(STATUS, running());

        assertThatThrownBy(() -> client.tasks().await(UPID, Deadline.after(clock, Duration.ofSeconds(5))))
                .isInstanceOf(WaitTimeoutException.class)
                .hasMessageContaining("task qmclone 9000 on pve (" + UPID + ") should stop");
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:05Z"));
    }

    @Test
    void anInterruptRestoresTheFlagAndThrows() {
        pve.always(STATUS, running());
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> client.tasks().await(UPID)).isInstanceOf(InterruptedException.class);
        assertThat(Thread.interrupted()).isTrue();
    }
}
