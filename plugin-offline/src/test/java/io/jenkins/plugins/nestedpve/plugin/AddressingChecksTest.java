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
    void poolReportsItsSize() {
        assertThat(AddressingChecks.pool("STATIC", "10.20.0.0/24")).isEqualTo(Validation.ok("254 usable addresses."));
    }

    @Test
    void poolWithHostBitsIsAWarningNamingTheNetwork() {
        assertThat(AddressingChecks.pool("STATIC", "10.20.0.7/24"))
                .isEqualTo(Validation.warning("Host bits are set; the network is 10.20.0.0/24."));
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
    void cidrPrintsItsNetwork() {
        assertThat(Ipv4Cidr.parse("192.168.7.9/16")).get().hasToString("192.168.0.0/16");
    }
}
