package io.jenkins.plugins.nestedpve.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingTest {
    private static final String UPID = "UPID:pve1:000A1B2C:0012D687:65F0A1B2:qmclone:100:root@pam:";

    @Test
    void upidWithColonsIsOnePathParameter() {
        Route r = Schemas.v91()
                .route("GET", "/nodes/pve1/tasks/" + UPID + "/status")
                .orElseThrow();
        assertThat(r.template()).isEqualTo("/nodes/{node}/tasks/{upid}/status");
        assertThat(r.pathParams()).isEqualTo(Map.of("node", "pve1", "upid", UPID));
        assertThat(Schemas.v91().validate(r, Map.of(), false)).isEmpty();
    }

    @Test
    void taskLogRoutesAndValidatesPaging() {
        Route r =
                Schemas.v91().route("GET", "/nodes/pve1/tasks/" + UPID + "/log").orElseThrow();
        assertThat(Schemas.v91().validate(r, Schemas.params("start", "0", "limit", "500"), false))
                .isEmpty();
    }

    @Test
    void unknownPathIsEmpty() {
        assertThat(Schemas.v91().route("GET", "/nodes/pve1/nosuchthing")).isEmpty();
        assertThat(Schemas.v91().route("GET", "/foo")).isEmpty();
    }

    @Test
    void unknownMethodOnKnownPathIsEmpty() {
        assertThat(Schemas.v91().route("DELETE", "/version")).isEmpty();
        assertThat(Schemas.v91().route("GET", "/nodes/pve1/qemu/100/clone")).isEmpty();
    }

    @Test
    void getAndPostOfOnePathAreDifferentMethods() {
        Route get = Schemas.v91().route("GET", "/nodes/pve1/qemu").orElseThrow();
        Route post = Schemas.v91().route("POST", "/nodes/pve1/qemu").orElseThrow();
        assertThat(get.spec().name()).isEqualTo("vmlist");
        assertThat(post.spec().name()).isEqualTo("create_vm");
        assertThat(post.spec().parameters()).containsKey("net[n]");
        assertThat(get.spec().parameters()).doesNotContainKey("net[n]");
    }

    @Test
    void emptySegmentsAreIgnoredAsInPve() {
        Route r = Schemas.v91().route("POST", "//nodes/pve1//qemu/100/clone/").orElseThrow();
        assertThat(r.template()).isEqualTo("/nodes/{node}/qemu/{vmid}/clone");
        assertThat(r.pathParams()).isEqualTo(Map.of("node", "pve1", "vmid", "100"));
    }

    @Test
    void placeholderDoesNotMatchWhitespace() {
        assertThat(Schemas.v91().route("GET", "/nodes/pve 1/status")).isEmpty();
    }

    @Test
    void methodSpecCarriesTokenProtectionAndPermissions() {
        MethodSpec ticket =
                Schemas.v91().route("POST", "/access/ticket").orElseThrow().spec();
        assertThat(ticket.allowToken()).isFalse();
        MethodSpec clone = Schemas.v91()
                .route("POST", "/nodes/pve1/qemu/100/clone")
                .orElseThrow()
                .spec();
        assertThat(clone.allowToken()).isTrue();
        assertThat(clone.protectedCall()).isTrue();
        assertThat(clone.proxyTo()).isEqualTo("node");
        assertThat(clone.permissions()).containsKey("check");
        assertThat(clone.additionalProperties()).isFalse();
    }

    @Test
    void pathParametersAreValidatedLikeParameters() {
        Route r =
                Schemas.v91().route("POST", "/nodes/pve_1/qemu/99/status/start").orElseThrow();
        assertThat(Schemas.v91().validate(r, Map.of(), false))
                .containsEntry("node", "invalid format - value does not look like a valid node name\n")
                .containsEntry("vmid", "invalid format - value does not look like a valid VM ID\n");
    }

    @Test
    void uriParameterRepeatedWithAnotherValueIsAConflict() {
        Route r =
                Schemas.v91().route("POST", "/nodes/pve1/qemu/100/status/start").orElseThrow();
        assertThat(Schemas.v91().validate(r, Schemas.params("vmid", "101", "bogus", "1"), false))
                .containsExactlyEntriesOf(Map.of("vmid", RequestValidator.CONFLICT));
        assertThat(Schemas.v91().validate(r, Schemas.params("vmid", "100"), false))
                .isEmpty();
    }

    @Test
    void indexedNameResolvesWithinItsBound() {
        MethodSpec config = Schemas.v91()
                .route("PUT", "/nodes/pve1/qemu/100/config")
                .orElseThrow()
                .spec();
        assertThat(config.parameter("net31")).get().extracting(ParamSpec::name).isEqualTo("net[n]");
        assertThat(config.parameter("net32")).isEmpty();
        assertThat(config.parameter("net01")).isEmpty();
        assertThat(config.parameter("scsi30")).isPresent();
        assertThat(config.parameter("scsi31")).isEmpty();
        assertThat(config.parameter("net[n]").orElseThrow().indexCount()).isEqualTo(32);
    }
}
