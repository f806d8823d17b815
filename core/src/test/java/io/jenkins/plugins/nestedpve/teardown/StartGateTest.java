package io.jenkins.plugins.nestedpve.teardown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StartGateTest {
    @Test
    void aVmOfTheBatchWaitsUntilTheOthersHaveArrivedOrLeft() throws Exception {
        StartGate gate = new StartGate(List.of(1, 2));
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
            try {
                gate.arriveAndAwait(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        assertThat(first).as("VM 2 has not arrived").isNotDone();
        gate.leave(2);
        first.get(StartGate.MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(first).isDone();
    }

    @Test
    void aVmOutsideTheBatchPassesAtOnce() throws Exception {
        StartGate gate = new StartGate(List.of(1, 2));
        long before = System.nanoTime();

        gate.arriveAndAwait(3);

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before)).isLessThan(StartGate.MAX_WAIT.toMillis());
    }

    @Test
    void arrivingTwiceCountsOnce() throws Exception {
        StartGate gate = new StartGate(List.of(1, 2));
        gate.leave(1);
        gate.leave(1);
        CompletableFuture<Void> again = CompletableFuture.runAsync(() -> {
            try {
                gate.arriveAndAwait(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        assertThat(again).as("still waiting for VM 2").isNotDone();
        gate.leave(2);
        again.get(StartGate.MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
