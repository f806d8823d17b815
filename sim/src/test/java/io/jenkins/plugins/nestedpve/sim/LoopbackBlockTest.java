package io.jenkins.plugins.nestedpve.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LoopbackBlockTest {
    @Test
    void twoSimulatorsInOneJvmTakeDifferentBlocksOnTheSamePort() {
        try (Simulator a = Simulator.builder().ssh(false).start();
                Simulator b = Simulator.builder().ssh(false).start()) {
            assertThat(a.loopbackBlock()).isNotEqualTo(b.loopbackBlock());
            assertThat(a.apiPort()).isEqualTo(b.apiPort()).isEqualTo(8006);
            assertThat(a.hostAddress()).isEqualTo("127.77." + a.loopbackBlock() + ".1");
            assertThat(SimClient.token(a).get("/version").status()).isEqualTo(200);
            assertThat(SimClient.token(b).get("/version").status()).isEqualTo(200);
        }
    }

    @Test
    void aTakenFixedBlockFailsWithAHint() {
        try (Simulator a = Simulator.builder().ssh(false).start()) {
            assertThatThrownBy(() -> Simulator.builder()
                            .ssh(false)
                            .loopbackBlock(a.loopbackBlock())
                            .start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no free loopback block");
        }
    }
}
