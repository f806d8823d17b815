package io.jenkins.plugins.nestedpve.pve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PveRolesTest {
    @Test
    void aLoneAuditPrivilegeAsksForTheAuditorRole() {
        assertThat(PveRoles.role("VM.Audit")).isEqualTo("PVEAuditor");
        assertThat(PveRoles.role("VM.Audit", List.of("VM.Audit"))).isEqualTo("PVEAuditor");
    }

    @Test
    void anAuditPrivilegeGoesWithTheRoleOfItsKindOnTheSamePath() {
        assertThat(PveRoles.role("VM.Audit", List.of("VM.Clone", "VM.Audit"))).isEqualTo("PVETemplateUser");
        assertThat(PveRoles.role("VM.Audit", List.of("VM.Allocate", "VM.Audit")))
                .isEqualTo("PVEVMAdmin");
        assertThat(PveRoles.role("Sys.Audit", List.of("VM.Allocate"))).isEqualTo("PVEAuditor");
    }
}
