package io.jenkins.plugins.nestedpve.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.sim.SimClient.Response;
import io.jenkins.plugins.nestedpve.sim.model.UserDb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code /pools}: the atomic create the room line relies on, comments, the Pool.Audit filter, delete. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoolApiTest {
    private Simulator sim;
    private SimClient api;
    private UserDb users;

    @BeforeAll
    void start() {
        sim = Simulator.builder().latencyScale(0.001).ssh(false).start();
        api = SimClient.token(sim);
        users = sim.host().pmxcfs().users();
    }

    @AfterAll
    void stop() {
        sim.close();
    }

    @Test
    void aSecondCreateOfOnePoolFailsAsPvesDoesUnderTheUserCfgLock() {
        Response first = api.post("/pools", Map.of("poolid", "lock-a", "comment", "holder=one"));
        Response second = api.post("/pools", Map.of("poolid", "lock-a", "comment", "holder=two"));

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(500);
        assertThat(second.reason()).isEqualTo("create pool failed: pool 'lock-a' already exists");
        assertThat(users.poolComments()).containsEntry("lock-a", "holder=one");
    }

    @Test
    void ofManyConcurrentCreatesExactlyOneSucceeds() throws Exception {
        AtomicInteger ok = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String holder = "holder=" + i;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                if (api.post("/pools", Map.of("poolid", "race", "comment", holder))
                                .status()
                        == 200) {
                    ok.incrementAndGet();
                }
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }

        assertThat(ok.get()).isEqualTo(1);
    }

    @Test
    void theCommentIsListedChangedAndTheEmptyPoolDeleted() throws Exception {
        api.post("/pools", Map.of("poolid", "ticket-b", "comment", "state=waiting"));
        Response put = api.put("/pools/ticket-b", Map.of("comment", "state=admitted"));

        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(api.get("/pools").data().findValuesAsText("comment")).contains("state=admitted");
        assertThat(api.delete("/pools/ticket-b", Map.of()).status()).isEqualTo(200);
        Response again = api.delete("/pools/ticket-b", Map.of());
        assertThat(again.status()).isEqualTo(500);
        assertThat(again.reason()).isEqualTo("delete pool failed: pool 'ticket-b' does not exist");
    }

    @Test
    void aPoolIdThatIsNoPathIsRefusedBeforeAnythingIsCreated() {
        Response r = api.post("/pools", Map.of("poolid", "bad id"));

        // the permission check on /pool/{poolid} runs first and refuses a path that does not normalise
        assertThat(r.status()).isEqualTo(403);
        assertThat(users.poolExists("bad id")).isFalse();
    }

    @Test
    void theListShowsOnlyPoolsTheCallerMayAudit() {
        users.addPool("hidden");
        users.addUser("audit@pve");
        String secret = users.addToken("audit@pve", "tok", true, 0, null);
        users.grant("/pool/seen", "audit@pve", "PVEPoolUser", true);
        users.grant("/pool/seen", "audit@pve!tok", "PVEPoolUser", true);
        users.addPool("seen");
        SimClient auditor =
                new SimClient(sim.hostAddress(), sim.apiPort(), sim.fingerprint()).withToken("audit@pve!tok", secret);

        assertThat(auditor.get("/pools").data().findValuesAsText("poolid")).containsExactly("seen");
        assertThat(auditor.post("/pools", Map.of("poolid", "mine")).status()).isEqualTo(403);
    }
}
