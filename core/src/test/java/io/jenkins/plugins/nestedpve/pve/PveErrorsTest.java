package io.jenkins.plugins.nestedpve.pve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PveErrorsTest {
    private static final PveCredentials TOKEN =
            PveCredentials.apiToken("ci@pve!jenkins=0123abcd-4567-89ab-cdef-0123456789ab");
    private static final PveCredentials ROOT = PveCredentials.rootTicket("pw");

    private static PveErrorResponse answer(int status, String message, Map<String, String> errors) {
        return new PveErrorResponse(
                "POST",
                "/nodes/pve/qemu/9000/clone",
                status,
                message.lines().findFirst().orElse(""),
                message,
                errors);
    }

    @Test
    void a403NamesPathPrivilegeAndTheRoleToGrant() {
        PveApiException e =
                PveErrors.toException(answer(403, "Permission check failed (/vms/101, VM.Allocate)", Map.of()), TOKEN);

        assertThat(e).isInstanceOf(PvePermissionException.class);
        PvePermissionException p = (PvePermissionException) e;
        assertThat(p.aclPath()).isEqualTo("/vms/101");
        assertThat(p.privilege()).isEqualTo("VM.Allocate");
        assertThat(p.rootOnly()).isFalse();
        assertThat(p.getMessage())
                .contains("POST /nodes/pve/qemu/9000/clone: 403")
                .contains("VM.Allocate on /vms/101 or a parent such as /vms (e.g. PVEVMAdmin)")
                .contains("--tokens 'ci@pve!jenkins'")
                .contains("privsep=1");
    }

    @Test
    void a403ForAUserSuggestsAUserAcl() {
        PveApiException e = PveErrors.toException(
                answer(403, "Permission check failed (/storage/local-lvm, Datastore.AllocateSpace)", Map.of()),
                new PveCredentials.PasswordTicket("ci@pve", "pw"));

        assertThat(e.getMessage())
                .contains("PVEDatastoreUser")
                .contains("--users 'ci@pve'")
                .doesNotContain("privsep");
    }

    @Test
    void a403ForRootOnlyCallsSaysATokenNeverCounts() {
        PveApiException e =
                PveErrors.toException(answer(403, "Permission check failed (user != root@pam)", Map.of()), TOKEN);

        assertThat(((PvePermissionException) e).rootOnly()).isTrue();
        assertThat(e.getMessage()).contains("Only a root@pam ticket").contains("tokens never count as root@pam");
    }

    @Test
    void a403ForTagsParsesTheBarePrivilege() {
        PveApiException e = PveErrors.toException(
                answer(403, "Permission check failed (/, Sys.Modify for modifying tag 'x')", Map.of()), TOKEN);

        assertThat(((PvePermissionException) e).aclPath()).isEqualTo("/");
        assertThat(((PvePermissionException) e).privilege()).isEqualTo("Sys.Modify");
    }

    @Test
    void a401ForATokenExplainsTheEmptyBodyAndWhatToCheck() {
        PveErrorResponse r = PveErrors.decode("GET", "/nodes", 401, null);
        PveApiException e = PveErrors.toException(r, TOKEN);

        assertThat(e).isInstanceOf(PveAuthException.class);
        assertThat(e.reason()).isEqualTo("authentication failed");
        assertThat(e.getMessage())
                .contains("GET /nodes: 401")
                .contains("empty body")
                .contains("ci@pve!jenkins=<secret>")
                .contains("expired")
                .contains("clock")
                .doesNotContain("0123abcd");
    }

    @Test
    void a400CarriesTheErrorsMapAndNamesEachParameter() {
        PveApiException e = PveErrors.toException(
                answer(
                        400,
                        "Parameter verification failed.",
                        Map.of(
                                "name",
                                "invalid format - value does not look like a valid DNS name",
                                "newid",
                                "value must have a minimum value of 100")),
                ROOT);

        assertThat(e).isInstanceOf(PveValidationException.class);
        assertThat(e.pveErrors()).containsKeys("name", "newid");
        assertThat(e.getMessage())
                .contains("name: invalid format - value does not look like a valid DNS name")
                .contains("newid: value must have a minimum value of 100");
    }

    @Test
    void aLockedVmIsALockedExceptionThatIsNotRetryable() {
        PveApiException e = PveErrors.toException(answer(500, "VM is locked (clone)", Map.of()), ROOT);

        assertThat(e).isInstanceOf(PveLockedException.class);
        assertThat(((PveLockedException) e).lock()).isEqualTo("clone");
        assertThat(e.isRetryableLockTimeout()).isFalse();
        assertThat(e.getMessage()).contains("wait for it to finish");
    }

    @Test
    void aLockTimeoutIsRetryable() {
        PveApiException e = PveErrors.toException(
                answer(500, "can't lock file '/var/lock/qemu-server/lock-101.conf' - got timeout", Map.of()), ROOT);

        assertThat(e).isInstanceOf(PveLockedException.class);
        assertThat(e.isRetryableLockTimeout()).isTrue();
    }

    @Test
    void aMissingConfigIsNotFound() {
        PveApiException e = PveErrors.toException(
                answer(500, "Configuration file 'nodes/pve/qemu-server/101.conf' does not exist", Map.of()), ROOT);

        assertThat(e).isInstanceOf(PveNotFoundException.class);
        assertThat(((PveNotFoundException) e).isMissingVmConfig()).isTrue();
    }

    @Test
    void anOther500KeepsPveTextAndStatus() {
        PveApiException e = PveErrors.toException(answer(500, "VM 101 is running - destroy failed", Map.of()), ROOT);

        assertThat(e.getClass()).isEqualTo(PveApiException.class);
        assertThat(e.httpStatus()).isEqualTo(500);
        assertThat(e.pveMessage()).isEqualTo("VM 101 is running - destroy failed");
    }

    @Test
    void decodeTakesTheReasonFromTheFirstLineOfTheMessage() throws Exception {
        var body = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree("{\"data\":null,\"message\":\"Permission check failed (URI '/x' not available with API"
                        + " token, need proper ticket.\\n)\\n\"}");

        PveErrorResponse r = PveErrors.decode("POST", "/cluster/config", 403, body);

        assertThat(r.reason())
                .isEqualTo("Permission check failed (URI '/x' not available with API token, need proper ticket.");
        assertThat(((PvePermissionException) PveErrors.toException(r, TOKEN)).rootOnly())
                .isTrue();
    }
}
