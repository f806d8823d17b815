package io.jenkins.plugins.nestedpve.sim.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.sim.model.Privileges;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ticket's {@code cap} of root@pam: the privileges of the node's own release, from the one privilege list. */
class CapabilitiesTest {
    @SuppressWarnings("unchecked")
    private static Map<String, Integer> vms(String release) {
        return (Map<String, Integer>) AccessEndpoints.capabilities("root@pam", new Privileges(release).all())
                .get("vms");
    }

    @Test
    void onPve8RootHoldsVmMonitorAndNoGuestAgentPrivileges() {
        assertThat(vms("8.4")).containsKey("VM.Monitor").doesNotContainKeys("VM.GuestAgent.Audit", "VM.Replicate");
    }

    @Test
    void onPve9RootHoldsTheGuestAgentPrivilegesAndVmReplicate() {
        assertThat(vms("9.1"))
                .containsKeys("VM.GuestAgent.Unrestricted", "VM.Replicate")
                .doesNotContainKey("VM.Monitor");
    }

    @Test
    void otherUsersGetAnEmptyCap() {
        assertThat(AccessEndpoints.capabilities("op@pve", new Privileges("9.1").all())
                        .get("vms"))
                .isEqualTo(Map.of());
    }
}
