package io.jenkins.plugins.nestedpve.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.sim.SimClient.Response;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** DHCP leases go back to the pool when their VM is destroyed, so a long-lived simulator never runs dry. */
class DhcpLeaseTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void destroyedGuestsReturnTheirLeasesForReuse() throws Exception {
        try (Simulator sim = Simulator.builder()
                .latencyScale(0.001)
                .ssh(false)
                .dhcpPoolSize(2)
                .start()) {
            SimClient api = SimClient.token(sim);
            String base = "/nodes/" + sim.hostNode() + "/qemu/";
            Set<String> addresses = new HashSet<>();
            for (int vmid = 500; vmid < 505; vmid++) { // more guests than the pool of 2 holds
                addresses.add(bootAndDestroy(sim, api, base, vmid));
            }
            assertThat(addresses)
                    .isSubsetOf(sim.env().lan().address(100), sim.env().lan().address(101));
        }
    }

    private static String bootAndDestroy(Simulator sim, SimClient api, String base, int vmid) throws Exception {
        ok(sim, api.post(base + "9000/clone", Map.of("newid", Integer.toString(vmid))));
        ok(sim, api.post(base + vmid + "/status/start", Map.of()));
        String ip = sim.awaitGuest(vmid, WAIT).ip();
        ok(sim, api.post(base + vmid + "/status/stop", Map.of()));
        ok(sim, api.delete(base + vmid, Map.of()));
        assertThat(sim.vm(vmid)).isEmpty();
        return ip;
    }

    private static void ok(Simulator sim, Response r) throws InterruptedException {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(sim.awaitTask(r.data().asText(), WAIT)).isEqualTo("OK");
    }
}
