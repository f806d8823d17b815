package io.jenkins.plugins.nestedpve.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import io.jenkins.plugins.nestedpve.provision.Provisioning;
import io.jenkins.plugins.nestedpve.provision.ProvisioningException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** cancel() from another thread and an interrupted caller both stop provisioning and clean up. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CancellationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private SimLab lab;

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
        assertThat(lab.ledger.live()).isEmpty();
        assertThat(lab.engine.activeLeases()).isEmpty();
    }

    @Test
    void cancelFromAnotherThreadWhileAGuestIsBeingConfiguredDestroysWhatExists() throws Exception {
        CountDownLatch configuring = new CountDownLatch(1);
        ProgressListener signal = new PhaseHook(Phase.CONFIGURE, null, configuring::countDown);
        Provisioning p = lab.engine.start(lab.spec(2).build(), lab.token(), lab.guest(), signal);
        assertThat(configuring.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

        p.cancel();
        ProvisioningException e = catchThrowableOfType(ProvisioningException.class, p::await);

        assertThat(e.cancelled()).isTrue();
        assertThat(p.isDone()).isTrue();
        assertThat(lab.ledger.entries()).isNotEmpty();
    }

    @Test
    void interruptingTheThreadBlockedInProvisionCancelsCleansUpAndKeepsTheFlag() throws Exception {
        CountDownLatch starting = new CountDownLatch(1);
        ProgressListener signal = new PhaseHook(Phase.START, null, starting::countDown);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flagAfter = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                lab.engine.provision(lab.spec(1).build(), lab.token(), lab.guest(), signal);
            } catch (RuntimeException e) {
                thrown.set(e);
            }
            flagAfter.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        assertThat(starting.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

        caller.interrupt();
        caller.join(WAIT.toMillis());

        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(ProvisioningException.class);
        assertThat(((ProvisioningException) thrown.get()).cancelled()).isTrue();
        assertThat(flagAfter.get()).isTrue();
    }

    @Test
    void cancelAfterTheClusterIsReadyChangesNothing() {
        Provisioning p = lab.engine.start(lab.spec(1).build(), lab.token(), lab.guest(), ProgressListener.NOOP);
        var cluster = p.await();
        p.cancel();
        assertThat(lab.ourVms()).hasSize(1);
        assertThat(lab.engine
                        .teardown(cluster, lab.token(), ProgressListener.NOOP)
                        .ok())
                .isTrue();
    }
}
