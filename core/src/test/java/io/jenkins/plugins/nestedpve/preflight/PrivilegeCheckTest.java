package io.jenkins.plugins.nestedpve.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.spec.Addressing;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.spec.SpecProblem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrivilegeCheckTest {
    private static final List<String> VM_ADMIN = List.of(
            "VM.Allocate",
            "VM.Audit",
            "VM.Clone",
            "VM.Config.CPU",
            "VM.Config.Memory",
            "VM.Config.Network",
            "VM.Config.Options",
            "VM.Config.Cloudinit",
            "VM.PowerMgmt");

    private final ClusterSpec spec = Specs.spec().nodes(2).build();

    private static PrivilegeCheck.Context ctx(int pveMajor) {
        return new PrivilegeCheck.Context(9000, Set.of("local-lvm"), List.of(80000, 80001), pveMajor);
    }

    /** The practical token of pve-facts §8, with the given extra VM privileges on /vms. */
    private static Map<String, Map<String, Boolean>> practicalToken(String... extraVm) {
        Map<String, Map<String, Boolean>> perms = new HashMap<>();
        Map<String, Boolean> vms = new HashMap<>();
        VM_ADMIN.forEach(p -> vms.put(p, true));
        for (String p : extraVm) {
            vms.put(p, true);
        }
        perms.put("/vms", vms);
        perms.put("/storage", Map.of("Datastore.AllocateSpace", true, "Datastore.Audit", true));
        perms.put("/sdn/zones/localnetwork", Map.of("SDN.Use", true, "SDN.Audit", true));
        perms.put("/", Map.of("Sys.Audit", true));
        perms.put("/nodes", Map.of("Sys.Audit", true));
        return perms;
    }

    @Test
    void pve9NeedsGuestAgentUnrestrictedToVerifyTheGuestThroughItsAgent() {
        assertThat(PrivilegeCheck.missing(practicalToken("VM.GuestAgent.Unrestricted"), spec, ctx(9)))
                .isEmpty();
        // Audit reads the address but cannot exec: the host keys could not be made and read
        assertThat(PrivilegeCheck.missing(practicalToken("VM.GuestAgent.Audit"), spec, ctx(9)))
                .extracting(MissingPrivilege::privilege)
                .containsOnly("VM.GuestAgent.Unrestricted");
    }

    @Test
    void pve8NeedsVmMonitorForTheAgent() {
        assertThat(PrivilegeCheck.missing(practicalToken("VM.Monitor"), spec, ctx(8)))
                .isEmpty();
        assertThat(PrivilegeCheck.missing(practicalToken("VM.GuestAgent.Unrestricted"), spec, ctx(8)))
                .extracting(MissingPrivilege::privilege, MissingPrivilege::path)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("VM.Monitor", "/vms/80000"),
                        org.assertj.core.groups.Tuple.tuple("VM.Monitor", "/vms/80001"));
    }

    @Test
    void staticAddressingStillNeedsTheAgentForTheFirstContact() {
        ClusterSpec fixed = Specs.spec()
                .nodes(2)
                .addressing(Addressing.staticPool(List.of("10.0.0.10-10.0.0.20"), 24, "10.0.0.1", null))
                .build();
        assertThat(PrivilegeCheck.missing(practicalToken(), fixed, ctx(9)))
                .extracting(MissingPrivilege::privilege)
                .containsOnly("VM.GuestAgent.Unrestricted");
    }

    @Test
    void missingVmPrivilegesSayGrantPveVmAdminOnVms() {
        Map<String, Map<String, Boolean>> perms = practicalToken("VM.GuestAgent.Unrestricted");
        perms.put("/vms", Map.of("VM.Audit", true, "VM.Clone", true));
        List<SpecProblem> problems = PrivilegeCheck.toProblems(PrivilegeCheck.missing(perms, spec, ctx(9)));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("host.apiToken");
            assertThat(p.message())
                    .startsWith(
                            "missing VM.Allocate, VM.Config.CPU, VM.Config.Memory, VM.Config.Network,"
                                    + " VM.Config.Options, VM.PowerMgmt, VM.GuestAgent.Unrestricted on /vms/80000, /vms/80001 (")
                    .contains("create and destroy the guest; set cpu: host and cores")
                    .endsWith("— grant PVEVMAdmin on /vms to the token (and to its user, when the token has"
                            + " privilege separation)");
        });
    }

    @Test
    void eachKindOfPathNamesItsRole() {
        List<MissingPrivilege> missing = PrivilegeCheck.missing(
                Map.of(),
                Specs.spec().nodes(1).vlanTag(30).build(),
                new PrivilegeCheck.Context(9000, Set.of("local-lvm"), List.of(80000), 9));
        assertThat(PrivilegeCheck.describe(missing))
                .contains("grant PVEAuditor on /nodes/pve1")
                .contains("grant PVETemplateUser on /vms/9000")
                .contains("grant PVEVMAdmin on /vms")
                .contains("grant PVEDatastoreUser on /storage/local-lvm")
                .contains("SDN.Use on /sdn/zones/localnetwork/vmbr0/30")
                .contains("grant PVESDNUser on /sdn/zones/localnetwork/vmbr0 ");
    }

    @Test
    void fullCloneNeedsSpaceOnTheTargetStorage() {
        ClusterSpec full = Specs.spec().nodes(2).fullClone("ceph").build();
        assertThat(PrivilegeCheck.needs(full, ctx(9)))
                .filteredOn(n -> n.privilege().equals("Datastore.AllocateSpace"))
                .extracting(PrivilegeCheck.Need::path)
                .containsExactly("/storage/ceph");
    }

    @Test
    void inheritedPrivilegesNeedThePropagateFlag() {
        Map<String, Map<String, Boolean>> perms = Map.of("/vms", Map.of("VM.Allocate", false));
        assertThat(PrivilegeCheck.granted(perms, "/vms", "VM.Allocate")).isTrue();
        assertThat(PrivilegeCheck.granted(perms, "/vms/80000", "VM.Allocate")).isFalse();
        assertThat(PrivilegeCheck.granted(Map.of("/", Map.of("VM.Allocate", true)), "/vms/80000", "VM.Allocate"))
                .isTrue();
    }

    @Test
    void aMoreSpecificPathOverridesItsParent() {
        Map<String, Map<String, Boolean>> perms =
                Map.of("/vms", Map.of("VM.Allocate", true), "/vms/80001", Map.of("VM.Audit", true));
        assertThat(PrivilegeCheck.granted(perms, "/vms/80000", "VM.Allocate")).isTrue();
        assertThat(PrivilegeCheck.granted(perms, "/vms/80001", "VM.Allocate")).isFalse();
    }

    /** The practical token with its VM privileges on {@code /pool/ci} instead of {@code /vms}, template in the pool. */
    private static Map<String, Map<String, Boolean>> poolToken() {
        Map<String, Map<String, Boolean>> perms = practicalToken("VM.GuestAgent.Unrestricted");
        Map<String, Boolean> vms = perms.remove("/vms");
        perms.put("/pool/ci", vms);
        perms.put("/vms/9000", vms); // a pool member: GET /access/permissions lists it with the pool's privileges
        return perms;
    }

    @Test
    void withAPoolTheGuestsPrivilegesMayComeFromThePool() {
        ClusterSpec pooled = Specs.spec().nodes(2).pool("ci").build();

        assertThat(PrivilegeCheck.missing(poolToken(), pooled, ctx(9))).isEmpty();
    }

    @Test
    void withoutThePoolAPoolOnlyTokenMissesVmAllocateOnTheGuests() {
        assertThat(PrivilegeCheck.missing(poolToken(), spec, ctx(9)))
                .extracting(MissingPrivilege::privilege)
                .contains("VM.Allocate");
    }

    @Test
    void withAPoolAMissingGuestPrivilegeIsToBeGrantedOnThePool() {
        Map<String, Map<String, Boolean>> perms = poolToken();
        Map<String, Boolean> pool = new HashMap<>(perms.get("/pool/ci"));
        pool.remove("VM.PowerMgmt");
        perms.put("/pool/ci", pool);
        ClusterSpec pooled = Specs.spec().nodes(2).pool("ci").build();

        assertThat(PrivilegeCheck.missing(perms, pooled, ctx(9)))
                .extracting(MissingPrivilege::privilege, MissingPrivilege::grant)
                .containsOnly(org.assertj.core.groups.Tuple.tuple("VM.PowerMgmt", "grant PVEVMAdmin on /pool/ci"));
    }
}
