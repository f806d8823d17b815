package io.jenkins.plugins.nestedpve.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.nestedpve.spec.Names;
import io.jenkins.plugins.nestedpve.spec.VmidRange;
import org.junit.jupiter.api.Test;

class PveFormatsTest {
    @Test
    void theSpecRulesUseTheClientsFormats() {
        assertThat(VmidRange.MIN).isEqualTo(PveFormats.VMID_MIN);
        assertThat(VmidRange.MAX).isEqualTo(PveFormats.VMID_MAX);
        assertThat(Names.PVE_NODE).isSameAs(PveFormats.PVE_NODE);
        assertThat(Names.DNS_NAME).isSameAs(PveFormats.DNS_NAME);
        assertThat(Names.CLUSTER_NAME_MAX).isEqualTo(PveFormats.CLUSTER_NAME_MAX);
    }

    @Test
    void theClientRefusesAVmidOutsidePvesBounds() {
        assertThatThrownBy(() -> PveClient.vm("pve1", 99)).hasMessage("VMID 99 is outside 100..999999999");
        assertThatThrownBy(() -> CloneRequest.builder(1_000_000_000).build())
                .hasMessageContaining("clone VMID 1000000000");
    }

    @Test
    void aClusterNameIsANodeNameOfAtMost15Characters() {
        assertThat(PveFormats.isClusterName("np-k3x9q2")).isTrue();
        assertThat(PveFormats.isClusterName("a-name-longer-than-15")).isFalse();
        assertThat(PveFormats.isClusterName("-bad")).isFalse();
    }
}
