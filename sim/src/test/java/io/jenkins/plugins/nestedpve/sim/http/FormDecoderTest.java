package io.jenkins.plugins.nestedpve.sim.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormDecoderTest {
    @Test
    void valueEndsAtTheSecondRawEqualsSign() {
        assertThat(FormDecoder.decode("net0=virtio=AA:BB,bridge=vmbr0")).containsEntry("net0", "virtio");
    }

    @Test
    void doubleEqualsSignGivesAnEmptyValue() {
        assertThat(FormDecoder.decode("a==x")).containsEntry("a", "");
    }

    @Test
    void keyWithoutValueIsUndefined() {
        Map<String, Object> m = FormDecoder.decode("a&b=");

        assertThat(m).containsKeys("a", "b");
        assertThat(m.get("a")).isNull();
        assertThat(m.get("b")).isNull();
    }

    @Test
    void ampersandAndSemicolonBothSeparate() {
        assertThat(FormDecoder.decode("a=1;b=2&c=3"))
                .containsExactly(Map.entry("a", "1"), Map.entry("b", "2"), Map.entry("c", "3"));
    }

    @Test
    void plusIsSpaceAndPercentEscapesAreUtf8() {
        assertThat(FormDecoder.decode("d=caf%C3%A9+au+lait%2B")).containsEntry("d", "café au lait+");
    }

    @Test
    void malformedPercentEscapeStaysLiteral() {
        assertThat(FormDecoder.decode("d=100%+x%zz")).containsEntry("d", "100% x%zz");
    }

    @Test
    void repeatedKeyCollectsAList() {
        assertThat(FormDecoder.decode("k=1&k=2&k=3")).containsEntry("k", List.of("1", "2", "3"));
    }

    @Test
    void repeatedKeyWithoutValueResetsIt() {
        assertThat(FormDecoder.decode("k=1&k").get("k")).isNull();
    }

    @Test
    void pathUnescapeKeepsPlus() {
        assertThat(FormDecoder.unescapePath("/a+b%2Fc")).isEqualTo("/a+b/c");
    }
}
