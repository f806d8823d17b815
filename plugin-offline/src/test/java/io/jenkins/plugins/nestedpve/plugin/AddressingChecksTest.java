package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressingChecksTest {
    @Test
    void poolIsNotNeededWithDhcp() {
        assertThat(AddressingChecks.pool("DHCP", "")).isEqualTo(Validation.ok());
    }

    @Test
    void staticAddressingNeedsAPool() {
        assertThat(AddressingChecks.pool("STATIC", "").message()).contains("needs a pool");
    }

    @Test
    void aSubnetIsAPool() {
        assertThat(AddressingChecks.pool("STATIC", "10.20.0.0/24")).isEqualTo(Validation.ok());
    }

    @Test
    void poolPrefixBelowEightIsRefused() {
        assertThat(AddressingChecks.pool("STATIC", "10.0.0.0/7").isError()).isTrue();
    }

    @Test
    void poolPrefixBeyondThirtyIsRefused() {
        assertThat(AddressingChecks.pool("STATIC", "10.20.0.0/31").isError()).isTrue();
    }

    @Test
    void octetAbove255IsRefused() {
        assertThat(AddressingChecks.pool("STATIC", "10.20.0.256/24").isError()).isTrue();
    }

    @Test
    void gatewayInsideThePoolIsAccepted() {
        assertThat(AddressingChecks.gateway("STATIC", "10.20.0.0/24", "10.20.0.1"))
                .isEqualTo(Validation.ok());
    }

    @Test
    void broadcastAddressIsNotAGateway() {
        assertThat(AddressingChecks.gateway("STATIC", "10.20.0.0/24", "10.20.0.255")
                        .isError())
                .isTrue();
    }

    @Test
    void gatewayIsNotNeededWithDhcp() {
        assertThat(AddressingChecks.gateway("dhcp", "", "")).isEqualTo(Validation.ok());
    }

    @Test
    void gatewayOutsideThePoolIsRefused() {
        assertThat(AddressingChecks.gateway("STATIC", "10.20.0.0/24", "10.30.0.1")
                        .isError())
                .isTrue();
    }
}
