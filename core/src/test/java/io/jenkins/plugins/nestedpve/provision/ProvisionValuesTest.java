package io.jenkins.plugins.nestedpve.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.NestedPveException;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.pve.PveInterruptedException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class ProvisionValuesTest {
    @Test
    void provisioningErrorNamesPhaseNodeAndCause() {
        ProvisioningException e = new ProvisioningException(
                Phase.JOIN,
                "np-abc-n2",
                new NestedPveException("cfs-lock 'file-corosync_conf' error: got lock request timeout"));
        assertThat(e.getMessage())
                .isEqualTo("phase JOIN, node np-abc-n2: cfs-lock 'file-corosync_conf' error: got lock request timeout");
        assertThat(e.node()).contains("np-abc-n2");
        assertThat(e.cancelled()).isFalse();
    }

    @Test
    void clusterWidePhaseErrorNamesNoNode() {
        ProvisioningException e = new ProvisioningException(Phase.QUORUM, null, new NestedPveException("not quorate"));
        assertThat(e.getMessage()).isEqualTo("phase QUORUM: not quorate");
        assertThat(e.node()).isEmpty();
    }

    @Test
    void anInterruptWrappedByALibraryCountsAsCancellation() {
        IOException wrapped = new IOException("channel closed", new InterruptedException());
        assertThat(new ProvisioningException(Phase.SSH, "n1", new NestedPveException("x", wrapped)).cancelled())
                .isTrue();
        assertThat(new ProvisioningException(Phase.CLONE, "n1", new CancellationException("stop")).cancelled())
                .isTrue();
        assertThat(new ProvisioningException(Phase.CLONE, "n1", new PveInterruptedException("i", null)).getMessage())
                .startsWith("phase CLONE, node n1: provisioning was cancelled (PveInterruptedException: i)");
    }

    @Test
    void cancellationInterruptsRegisteredWorkersButNotDuringCleanup() throws Exception {
        Cancellation c = new Cancellation();
        c.enter();
        try {
            c.cancel();
            assertThat(Thread.interrupted()).isTrue();
            c.beginCleanup();
            c.cancel();
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
            assertThat(c.cancelled()).isTrue();
        } finally {
            c.leave();
        }
    }

    @Test
    void shieldDefersTheCallersInterruptUntilTheCallHasAnswered() {
        ExecutorService helpers = Executors.newSingleThreadExecutor();
        try {
            Thread.currentThread().interrupt();
            String answer = new Shield(helpers).call(() -> "UPID:answered");
            assertThat(answer).isEqualTo("UPID:answered");
            assertThat(Thread.interrupted()).isTrue();
        } finally {
            helpers.shutdownNow();
        }
    }

    @Test
    void shieldPassesTheCallsFailureOn() {
        ExecutorService helpers = Executors.newSingleThreadExecutor();
        try {
            assertThatThrownBy(() -> new Shield(helpers).call(() -> {
                        throw new NestedPveException("refused");
                    }))
                    .isInstanceOf(NestedPveException.class)
                    .hasMessage("refused");
        } finally {
            helpers.shutdownNow();
        }
    }

    @Test
    void claimedVmidsAreScopedPerHostAndReleasable() {
        TemplateLocks locks = new TemplateLocks();
        assertThat(locks.claim("pve@a", 80000)).isTrue();
        assertThat(locks.claim("pve@a", 80000)).isFalse();
        assertThat(locks.claim("pve@b", 80000)).isTrue();
        locks.release("pve@a", List.of(80000));
        assertThat(locks.claimed("pve@a")).isEmpty();
        assertThat(locks.lockFor("pve@a", 9000)).isSameAs(locks.lockFor("pve@a", 9000));
        assertThat(locks.lockFor("pve@a", 9000)).isNotSameAs(new TemplateLocks().lockFor("pve@a", 9000));
    }

    @Test
    void guestSlotsAreNumberedFromOneInTheSpecsOrder() {
        assertThat(GuestSlot.of(List.of("np-x-n1", "np-x-n2")))
                .containsExactly(new GuestSlot(1, "np-x-n1"), new GuestSlot(2, "np-x-n2"));
    }

    @Test
    void theFootprintKeepsTheLastSightingOfEachGuestInNodeOrder() {
        Footprint f = new Footprint();
        f.address(2, "n2", "10.0.0.12");
        f.vmid(1, "n1", 81001);
        f.vmid(2, "n2", 81002);
        f.vmid(1, "n1", null);
        assertThat(f.guests())
                .containsExactly(
                        new Footprint.GuestSighting(1, "n1", null, null, null),
                        new Footprint.GuestSighting(2, "n2", 81002, "10.0.0.12", null));
    }

    @Test
    void theFootprintClosesEverythingOpenedOnceEvenWhenOneCloseFails() {
        Footprint f = new Footprint();
        List<String> closed = new java.util.ArrayList<>();
        f.opened(() -> {
            closed.add("a");
            throw new IllegalStateException("already gone");
        });
        f.opened(() -> closed.add("b"));
        f.closeGuests();
        f.closeGuests();
        assertThat(closed).containsExactly("a", "b");
    }

    @Test
    void aClusterHasAtLeastOneGuest() {
        assertThatThrownBy(() -> new ClusteredGuests(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
