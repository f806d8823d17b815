package io.jenkins.plugins.nestedpve.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonTest {
    private static JsonNode json(String s) throws Exception {
        return new ObjectMapper().readTree(s);
    }

    @Test
    void readsNumbersSentAsNumbersOrNumericStrings() throws Exception {
        JsonNode n = json("{\"a\":123,\"b\":\"124\",\"c\":\"2400.000\",\"d\":1.9}");

        assertThat(Json.asLong(n, "a", 0)).isEqualTo(123);
        assertThat(Json.asLong(n, "b", 0)).isEqualTo(124);
        assertThat(Json.asLong(n, "c", 0)).isEqualTo(2400);
        assertThat(Json.asInt(n, "d", 0)).isEqualTo(1);
    }

    @Test
    void treatsAbsentNullAndEmptyNumbersAsAbsent() throws Exception {
        JsonNode n = json("{\"a\":null,\"b\":\"\"}");

        assertThat(Json.asLong(n, "a", 7)).isEqualTo(7);
        assertThat(Json.asLong(n, "b", 7)).isEqualTo(7);
        assertThat(Json.optLong(n, "missing")).isEmpty();
    }

    @Test
    void readsBooleansInEveryFormPveUses() throws Exception {
        JsonNode n = json("{\"i1\":1,\"i0\":0,\"s1\":\"1\",\"s0\":\"0\",\"empty\":\"\",\"t\":true,\"f\":false}");

        assertThat(Json.asBool(n, "i1", false)).isTrue();
        assertThat(Json.asBool(n, "s1", false)).isTrue();
        assertThat(Json.asBool(n, "t", false)).isTrue();
        assertThat(Json.asBool(n, "i0", true)).isFalse();
        assertThat(Json.asBool(n, "s0", true)).isFalse();
        assertThat(Json.asBool(n, "f", true)).isFalse();
        assertThat(Json.asBool(n, "empty", true)).isFalse();
        assertThat(Json.asBool(n, "missing", true)).isTrue();
    }

    @Test
    void rejectsANonNumberNamingTheValue() throws Exception {
        JsonNode n = json("{\"a\":\"abc\"}");

        assertThatThrownBy(() -> Json.asLong(n, "a", 0)).hasMessageContaining("'abc'");
    }

    @Test
    void readsNumbersAsStringsForTextFields() throws Exception {
        JsonNode n = json("{\"nodeid\":3,\"name\":\"pve1\",\"obj\":{}}");

        assertThat(Json.asString(n, "nodeid")).isEqualTo("3");
        assertThat(Json.asString(n, "name")).isEqualTo("pve1");
        assertThat(Json.asString(n, "obj")).isNull();
    }
}
