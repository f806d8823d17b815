package io.jenkins.plugins.nestedpve.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class KnownKeysTest {
    static final HostKeyFingerprint A = new HostKeyFingerprint("ssh-ed25519", "SHA256:" + "A".repeat(43));
    static final HostKeyFingerprint B = new HostKeyFingerprint("ssh-ed25519", "SHA256:" + "B".repeat(43));

    final KnownKeys keys = new KnownKeys();

    @Test
    void keysAreKeptPerHostAndPort() {
        keys.remember("10.0.0.5", 22, A);
        keys.remember("10.0.0.5", 2222, B);

        assertThat(keys.fingerprint("10.0.0.5", 22)).contains(A.sha256());
        assertThat(keys.fingerprint("10.0.0.5", 2222)).contains(B.sha256());
        assertThat(keys.fingerprint("10.0.0.6", 22)).isEmpty();
    }

    @Test
    void forgetReportsWhetherAKeyWasKnown() {
        keys.remember("10.0.0.5", 22, A);

        assertThat(keys.forget("10.0.0.5", 22)).isTrue();
        assertThat(keys.forget("10.0.0.5", 22)).isFalse();
        assertThat(keys.get("10.0.0.5", 22)).isEmpty();
    }

    @Test
    void onlyOneOfConcurrentFirstContactsIsLearned() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<HostKeyFingerprint>> racers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            HostKeyFingerprint mine = i % 2 == 0 ? A : B;
            racers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return keys.learnIfAbsent("10.0.0.5", 22, mine);
            }));
        }
        go.countDown();

        long firsts = racers.stream()
                .map(CompletableFuture::join)
                .filter(k -> k == null)
                .count();

        assertThat(firsts).isEqualTo(1);
        assertThat(keys.size()).isEqualTo(1);
    }

    @Test
    void toStringCountsHostsOnly() {
        keys.remember("10.0.0.5", 22, A);

        assertThat(keys.toString()).isEqualTo("KnownKeys[1 hosts]");
    }
}
