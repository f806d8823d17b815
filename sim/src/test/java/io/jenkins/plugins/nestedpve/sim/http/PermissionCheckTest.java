package io.jenkins.plugins.nestedpve.sim.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The declared permission tests of RPCEnvironment.pm check_api2_permissions / exec_api2_perm_check. */
class PermissionCheckTest {
    private static final Principal TOKEN = new Principal("op@pve", "ci");
    private static final Principal ROOT = new Principal("root@pam", null);

    /** Privileges as "path privilege" pairs. */
    private static AuthBackend granting(String... grants) {
        Set<String> have = Set.of(grants);
        return new AuthBackend() {
            @Override
            public Optional<Principal> verifyToken(String userid, String tokenid, String secret) {
                return Optional.empty();
            }

            @Override
            public boolean verifyPassword(String userid, String password) {
                return false;
            }

            @Override
            public Set<String> privilegeNames() {
                return Set.of();
            }

            @Override
            public byte[] authKey() {
                return new byte[0];
            }

            @Override
            public String clusterName() {
                return null;
            }

            @Override
            public boolean hasPrivilege(Principal who, String path, String privilege) {
                return have.contains(path + " " + privilege);
            }
        };
    }

    private static String denial(AuthBackend users, Map<String, Object> perms, Map<String, Object> params) {
        ApiException e =
                catchThrowableOfType(ApiException.class, () -> PermissionCheck.require(users, perms, TOKEN, params));
        assertThat(e).isNotNull();
        assertThat(e.status()).isEqualTo(403);
        return e.getMessage();
    }

    @Test
    void withoutAPermissionsBlockOnlyRootAtPamWithATicketMayCall() {
        assertThat(denial(granting(), Map.of(), Map.of())).isEqualTo("Permission check failed (user != root@pam)\n");
        assertThatCode(() -> PermissionCheck.require(granting(), Map.of(), ROOT, Map.of()))
                .doesNotThrowAnyException();
    }

    @Test
    void anyNeedsOneOfThePrivilegesAndNamesThemAllWhenNoneIsHeld() {
        Map<String, Object> perms = Map.of("check", List.of("perm", "/vms/{vmid}", List.of("VM.A", "VM.B"), "any", 1));
        assertThatCode(() -> PermissionCheck.require(granting("/vms/5 VM.B"), perms, TOKEN, Map.of("vmid", "5")))
                .doesNotThrowAnyException();
        assertThat(denial(granting(), perms, Map.of("vmid", "5")))
                .isEqualTo("Permission check failed (/vms/5, VM.A|VM.B)\n");
    }

    @Test
    void aMissingPathParameterBecomesADash() {
        Map<String, Object> perms = Map.of("check", List.of("perm", "/storage/{storage}", List.of("Datastore.Audit")));
        assertThat(denial(granting(), perms, Map.of()))
                .isEqualTo("Permission check failed (/storage/-, Datastore.Audit)\n");
    }

    @Test
    void aFailedOrSaysNoMoreThanPermissionCheckFailed() {
        Map<String, Object> perms = Map.of(
                "check",
                List.of("or", List.of("perm", "/", List.of("Sys.Audit")), List.of("perm", "/", List.of("Sys.Modify"))));
        assertThat(denial(granting(), perms, Map.of())).isEqualTo("Permission check failed\n");
        assertThatCode(() -> PermissionCheck.require(granting("/ Sys.Modify"), perms, TOKEN, Map.of()))
                .doesNotThrowAnyException();
    }

    @Test
    void userAllLetsEveryAuthenticatedCallerThrough() {
        assertThatCode(() -> PermissionCheck.require(granting(), Map.of("user", "all"), TOKEN, Map.of()))
                .doesNotThrowAnyException();
    }
}
