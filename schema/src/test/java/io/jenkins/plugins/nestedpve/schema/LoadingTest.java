package io.jenkins.plugins.nestedpve.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LoadingTest {
    private static final String CLUSTER_CONFIG = "/cluster/config";

    @Test
    void bothBundledVersionsLoadWithAllPatternsTranslated() {
        assertThat(Schemas.v91().methods()).hasSizeGreaterThan(600);
        assertThat(Schemas.v84().methods()).hasSizeGreaterThan(550);
        assertThat(Schemas.v91().untranslatablePatterns()).isEmpty();
        assertThat(Schemas.v84().untranslatablePatterns()).isEmpty();
    }

    @Test
    void loadReturnsTheSameCachedInstance() {
        assertThat(ApiSchema.load("9.1")).containsSame(Schemas.v91());
    }

    @Test
    void tokenCoefficientExistsOnlyIn91() {
        var params = Schemas.params("clustername", "lab", "token-coefficient", "125");
        assertThat(Schemas.check(Schemas.v91(), "POST", CLUSTER_CONFIG, params, false))
                .isEmpty();
        assertThat(Schemas.check(Schemas.v84(), "POST", CLUSTER_CONFIG, params, false))
                .containsExactlyEntriesOf(java.util.Map.of("token-coefficient", Checker.NOT_DEFINED));
    }

    @Test
    void allowKsmAndIntelTdxExistOnlyIn91() {
        String config = "/nodes/pve1/qemu/100/config";
        assertThat(Schemas.v91().route("POST", config).orElseThrow().spec().parameters())
                .containsKeys("allow-ksm", "intel-tdx");
        assertThat(Schemas.v84().route("POST", config).orElseThrow().spec().parameters())
                .doesNotContainKeys("allow-ksm", "intel-tdx");
    }

    @Test
    void parseReadsAMinimalDocument() {
        String json = "[{\"path\":\"/version\",\"text\":\"version\",\"leaf\":1,\"info\":{\"GET\":{\"method\":\"GET\","
                + "\"name\":\"version\",\"parameters\":{\"additionalProperties\":0},\"permissions\":{\"user\":\"all\"}}}}]";
        ApiSchema s = ApiSchema.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "9.1");
        Route r = s.route("GET", "/version").orElseThrow();
        assertThat(r.spec().allowToken()).isTrue();
        assertThat(r.spec().permissions()).containsEntry("user", "all");
        assertThat(s.validate(r, Schemas.params("x", "1"), false)).containsKey("x");
    }

    @Test
    void parseRejectsADocumentThatIsNotAnArray() {
        var in = new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ApiSchema.parse(in, "9.1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JSON array");
    }

    @Test
    void loadOfAnUnknownVersionIsEmpty() {
        assertThat(ApiSchema.load("0.0")).isEmpty();
    }

    @Test
    void requireOfAVersionThatIsNotBundledNamesTheBundledOnes() {
        assertThatThrownBy(() -> ApiSchema.require("0.0"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/pve-schema/pve-apidata-0.0.json.gz")
                .hasMessageEndingWith("bundled versions: 8.4, 9.1");
    }

    @Test
    void everyBundledVersionLoadsFromTheModuleItself() {
        for (String version : ApiSchema.BUNDLED_VERSIONS) {
            assertThat(ApiSchema.require(version).methods()).hasSizeGreaterThan(500);
        }
    }
}
