package io.jenkins.plugins.nestedpve.reap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReapValuesTest {
    @Test
    void reapScopeRefusesANegativeGrace() {
        assertThatThrownBy(() -> ReapScope.expiredOnly().withMinAge(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ReapScope.orphans(l -> true).forOwner("ci").ownerIfSet()).contains("ci");
    }
}
