package io.jenkins.plugins.nestedpve.sim.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;

class RsaKeysTest {
    @Test
    void pooledSourceReusesItsKeysRoundRobin() {
        RsaKeys keys = RsaKeys.pooled(1);

        KeyPair first = keys.next();

        assertThat(keys.next()).isSameAs(first);
        assertThat(((RSAPublicKey) first.getPublic()).getModulus().bitLength()).isEqualTo(2048);
    }

    @Test
    void emptyPoolIsRefused() {
        assertThatThrownBy(() -> RsaKeys.pooled(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
