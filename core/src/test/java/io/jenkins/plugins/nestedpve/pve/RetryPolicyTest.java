package io.jenkins.plugins.nestedpve.pve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = RetryPolicy.DEFAULT;

    @Test
    void getIsIdempotent() {
        assertThat(RetryPolicy.isIdempotent("GET", "/nodes", Map.of())).isTrue();
    }

    @Test
    void cloneAndStartAreNot() {
        assertThat(RetryPolicy.isIdempotent("POST", "/nodes/pve/qemu/9000/clone", Map.of()))
                .isFalse();
        assertThat(RetryPolicy.isIdempotent("POST", "/nodes/pve/qemu/101/status/start", Map.of()))
                .isFalse();
    }

    @Test
    void deletingATaskIsIdempotentButDeletingAVmIsNot() {
        assertThat(RetryPolicy.isIdempotent("DELETE", "/nodes/pve/tasks/UPID:x", Map.of()))
                .isTrue();
        assertThat(RetryPolicy.isIdempotent("DELETE", "/nodes/pve/qemu/101", Map.of()))
                .isFalse();
    }

    @Test
    void putConfigIsIdempotentOnlyWithoutDigestOrDelete() {
        String path = "/nodes/pve/qemu/101/config";

        assertThat(RetryPolicy.isIdempotent("PUT", path, Map.of("cores", 2))).isTrue();
        assertThat(RetryPolicy.isIdempotent("PUT", path, Map.of("cores", 2, "digest", "abc")))
                .isFalse();
        assertThat(RetryPolicy.isIdempotent("PUT", path, Map.of("delete", "ide2")))
                .isFalse();
    }

    @Test
    void gatewayStatusesAreTransient() {
        assertThat(RetryPolicy.isTransient(502, "")).isTrue();
        assertThat(RetryPolicy.isTransient(503, "")).isTrue();
        assertThat(RetryPolicy.isTransient(595, "Connection refused")).isTrue();
    }

    @Test
    void aPlain500IsDeterministic() {
        assertThat(RetryPolicy.isTransient(500, "VM 100 is running - destroy failed"))
                .isFalse();
        assertThat(RetryPolicy.isTransient(501, "Method 'GET /x' not implemented"))
                .isFalse();
    }

    @Test
    void lockTimeoutsAreTransient() {
        assertThat(RetryPolicy.isTransient(500, "can't lock file '/var/lock/qemu-server/lock-101.conf' - got timeout"))
                .isTrue();
        assertThat(RetryPolicy.isTransient(500, "cfs-lock 'file-corosync_conf' error: got lock request timeout"))
                .isTrue();
    }

    @Test
    void retriesGetOn503UntilAttemptsRunOut() {
        assertThat(policy.retryAnswer(true, 503, "", 0)).isTrue();
        assertThat(policy.retryAnswer(true, 503, "", 2)).isTrue();
        assertThat(policy.retryAnswer(true, 503, "", 3)).isFalse();
    }

    @Test
    void neverRetriesANonIdempotentAnswer() {
        assertThat(policy.retryAnswer(false, 503, "", 0)).isFalse();
        assertThat(policy.retryAnswer(false, 500, "can't lock file 'x' - got timeout", 0))
                .isFalse();
    }

    @Test
    void retriesAnyRequestThatWasNeverSent() {
        assertThat(policy.retryTransport(false, true, 0)).isTrue();
        assertThat(policy.retryTransport(false, false, 0)).isFalse();
        assertThat(policy.retryTransport(true, false, 0)).isTrue();
    }

    @Test
    void delaysFollowTheBackoff() {
        assertThat(policy.delay(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delay(10)).isEqualTo(Duration.ofSeconds(15));
    }
}
