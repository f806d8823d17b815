package io.jenkins.plugins.nestedpve.schema;

import static io.jenkins.plugins.nestedpve.schema.Schemas.check;
import static io.jenkins.plugins.nestedpve.schema.Schemas.params;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypeCheckTest {
    private static final String DELETE_VM = "/nodes/pve1/qemu/100";
    private static final String EXEC = "/nodes/pve1/qemu/100/agent/exec";
    private static final String EXEC_STATUS = "/nodes/pve1/qemu/100/agent/exec-status";

    @Test
    void urlencodedBooleanMustBeOneOrZero() {
        assertThat(check("DELETE", DELETE_VM, params("purge", "1"), false)).isEmpty();
        assertThat(check("DELETE", DELETE_VM, params("purge", "0"), false)).isEmpty();
        assertThat(check("DELETE", DELETE_VM, params("purge", "true"), false))
                .containsExactlyEntriesOf(Map.of("purge", "type check ('boolean') failed - got 'true'"));
    }

    @Test
    void jsonBooleanAcceptsTrueFalseAndOneZero() {
        assertThat(check("DELETE", DELETE_VM, params("purge", true), true)).isEmpty();
        assertThat(check("DELETE", DELETE_VM, params("purge", false), true)).isEmpty();
        assertThat(check("DELETE", DELETE_VM, params("purge", 1), true)).isEmpty();
        assertThat(check("DELETE", DELETE_VM, params("purge", "1"), true)).isEmpty();
    }

    @Test
    void jsonBooleanRejectsOtherNumbersAndWords() {
        assertThat(check("DELETE", DELETE_VM, params("purge", 2), true))
                .containsEntry("purge", "type check ('boolean') failed - got '2'");
        assertThat(check("DELETE", DELETE_VM, params("purge", "true"), true))
                .containsEntry("purge", "type check ('boolean') failed - got 'true'");
    }

    @Test
    void integerMustMatchPvesIntegerRegex() {
        assertThat(check("GET", EXEC_STATUS, params("pid", "abc"), false))
                .containsExactlyEntriesOf(Map.of("pid", "type check ('integer') failed - got 'abc'"));
        assertThat(check("GET", EXEC_STATUS, params("pid", "+42"), false)).isEmpty();
        assertThat(check("GET", EXEC_STATUS, params("pid", "4.5"), false))
                .containsEntry("pid", "type check ('integer') failed - got '4.5'");
    }

    @Test
    void jsonIntegerAcceptsNumbersAndNumericStrings() {
        assertThat(check("GET", EXEC_STATUS, params("pid", 42), true)).isEmpty();
        assertThat(check("GET", EXEC_STATUS, params("pid", 42L), true)).isEmpty();
        assertThat(check("GET", EXEC_STATUS, params("pid", new BigDecimal("42.0")), true))
                .isEmpty();
        assertThat(check("GET", EXEC_STATUS, params("pid", "42"), true)).isEmpty();
        assertThat(check("GET", EXEC_STATUS, params("pid", 4.5), true))
                .containsEntry("pid", "type check ('integer') failed - got '4.5'");
    }

    @Test
    void jsonTrueIsNotAnInteger() {
        assertThat(check("GET", EXEC_STATUS, params("pid", true), true))
                .containsEntry("pid", "type check ('integer') failed - got JSON::PP::Boolean");
    }

    @Test
    void numberAcceptsPerlNumbers() {
        String config = "/nodes/pve1/qemu/100/config";
        assertThat(check("PUT", config, params("cpulimit", "1.5"), false)).isEmpty();
        assertThat(check("PUT", config, params("cpulimit", ".5"), false)).isEmpty();
        assertThat(check("PUT", config, params("cpulimit", "x"), false))
                .containsEntry("cpulimit", "type check ('number') failed - got 'x'");
    }

    @Test
    void stringRejectsAJsonArrayWithoutListFormat() {
        assertThat(check("POST", "/nodes/pve1/qemu/100/clone", params("newid", 101, "name", List.of("a")), true))
                .containsExactlyEntriesOf(Map.of("name", "type check ('string') failed - got ARRAY"));
    }

    @Test
    void arrayParameterWrapsAScalar() {
        assertThat(check("POST", EXEC, params("command", "uptime"), false)).isEmpty();
        assertThat(check("POST", EXEC, params("command", List.of("ls", "-l")), false))
                .isEmpty();
        assertThat(check("POST", EXEC, params("command", List.of("ls", "-l")), true))
                .isEmpty();
    }

    @Test
    void arrayParameterDoesNotWrapAFalseScalar() {
        // RESTHandler only normalizes true values, so "0" reaches check_type unwrapped
        assertThat(check("POST", EXEC, params("command", "0"), false))
                .containsExactlyEntriesOf(Map.of("command", "type check ('array') failed"));
    }

    @Test
    void arrayItemsAreCheckedWithIndexedPaths() {
        assertThat(check("POST", EXEC, params("command", List.of("ls", List.of("x"))), true))
                .containsExactlyEntriesOf(Map.of("command[1]", "type check ('string') failed - got ARRAY"));
    }

    @Test
    void missingRequiredParameter() {
        assertThat(check("POST", EXEC, Map.of(), false))
                .containsExactlyEntriesOf(Map.of("command", Checker.NOT_OPTIONAL));
        assertThat(Checker.NOT_OPTIONAL).isEqualTo("property is missing and it is not optional");
    }

    @Test
    void keyWithoutValueCountsAsMissing() {
        assertThat(check("POST", EXEC, params("command", null), false))
                .containsExactlyEntriesOf(Map.of("command", Checker.NOT_OPTIONAL));
    }

    @Test
    void unknownParameterIsRejected() {
        assertThat(check("GET", "/version", params("verbose", "1"), false))
                .containsExactlyEntriesOf(Map.of(
                        "verbose",
                        "property is not defined in schema and the schema does not allow additional properties"));
    }

    @Test
    void unknownParameterIsAcceptedWhereAdditionalPropertiesAreAllowed() {
        // GET /nodes/{node}/qemu/{vmid}/agent has additionalProperties 1
        assertThat(check("GET", "/nodes/pve1/qemu/100/agent", params("anything", "x"), false))
                .isEmpty();
    }

    @Test
    void requiresNamesTheMissingParameter() {
        assertThat(check("PUT", "/nodes/pve1/qemu/100/config", params("force", "1"), false))
                .containsExactlyEntriesOf(Map.of("delete", "missing property required by 'force'"));
    }

    @Test
    void severalErrorsForOneKeyAreJoinedWithLiteralBackslashN() {
        // 'format' requires 'size', which is itself required
        Map<String, String> errors = check(
                "POST",
                "/nodes/pve1/storage/local/content",
                params("vmid", "100", "filename", "x", "format", "raw"),
                false);
        assertThat(errors.get("size"))
                .isEqualTo(Checker.NOT_OPTIONAL + "\\n" + "missing property required by 'format'");
    }
}
