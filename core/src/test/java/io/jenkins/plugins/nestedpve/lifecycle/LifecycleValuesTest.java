package io.jenkins.plugins.nestedpve.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.NestedPveException;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.pve.PveInterruptedException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class LifecycleValuesTest {
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
    void pemWithoutACertificateGivesNoFingerprint() {
        assertThat(Pem.firstCertificateFingerprint("not a certificate")).isEmpty();
        assertThat(Pem.firstCertificateFingerprint("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"))
                .isEmpty();
    }

    @Test
    void reapScopeRefusesANegativeGrace() {
        assertThatThrownBy(() -> ReapScope.expiredOnly().withMinAge(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ReapScope.orphans(l -> true).forOwner("ci").ownerIfSet()).contains("ci");
    }

    @Test
    void teardownReportSummarisesByResult() {
        TeardownReport r = new TeardownReport(
                List.of(
                        new TeardownReport.VmOutcome(1, "a", TeardownReport.Result.DESTROYED, null),
                        new TeardownReport.VmOutcome(2, "b", TeardownReport.Result.NOT_OURS, "no marker")),
                List.of());
        assertThat(r.summary()).isEqualTo("teardown: 1 destroyed, 0 already gone, 1 not ours, 0 kept, 0 failed");
        assertThat(r.ok()).isTrue();
        assertThat(r.clean()).isTrue();
    }

    @Test
    void anUnmarkedVmIsCountedAndListedForAHand() {
        TeardownReport r = new TeardownReport(
                List.of(new TeardownReport.VmOutcome(
                        80001, "np-x-n2", TeardownReport.Result.UNMARKED, "no marker: left untouched")),
                List.of());
        assertThat(r.summary())
                .isEqualTo("teardown: 0 destroyed, 0 already gone, 0 not ours, 0 kept, 0 failed, 1 unmarked (left for a"
                        + " hand)");
        assertThat(r.ok()).isTrue();
        assertThat(r.clean()).isFalse();
        assertThat(r.handCleanup("pve"))
                .containsExactly("VM 80001 (np-x-n2) on node pve: no marker: left untouched; if it is not needed: qm"
                        + " stop 80001 && qm destroy 80001 --purge");
    }
}
