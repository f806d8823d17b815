package io.jenkins.plugins.nestedpve.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every type of the project's own signature files is stubbed exactly as listed, and with nothing else. */
class StubSupplementarySignaturesTest {
    private static final String JSON_OBJECT_HEADER = "net.sf.json.JSONObject   [kind=CLASS mods=[public final] tparams="
            + " super=net.sf.json.AbstractJSON interfaces=[java.lang.Comparable,"
            + " java.util.Map<java.lang.String,java.lang.Object>, net.sf.json.JSON]]";

    @TestFactory
    Stream<DynamicTest> everyListedTypeMatchesItsStubBothWays() throws IOException {
        List<Path> files = SupplementarySignatures.files();
        assertThat(files).isNotEmpty();
        Stream.Builder<DynamicTest> tests = Stream.builder();
        for (Path file : files) {
            for (SignatureFile.TypeEntry entry :
                    SupplementarySignatures.read(file).types().values()) {
                tests.add(DynamicTest.dynamicTest(
                        file.getFileName() + ": " + entry.name(),
                        () -> assertThat(SupplementarySignatures.mismatches(entry))
                                .isEmpty()));
            }
        }
        return tests.build();
    }

    @TestFactory
    Stream<DynamicTest> everyAddedMemberIsInItsStub() throws IOException {
        Stream.Builder<DynamicTest> tests = Stream.builder();
        for (Path file : SupplementarySignatures.additions()) {
            for (SignatureFile.TypeEntry entry :
                    SupplementarySignatures.read(file).types().values()) {
                tests.add(DynamicTest.dynamicTest(
                        file.getFileName() + ": " + entry.name(),
                        () -> assertThat(StubComparison.mismatches(entry)).isEmpty()));
            }
        }
        return tests.build();
    }

    @Test
    void aGenericTypeWhereTheListingHasARawOneIsReported() {
        SignatureFile file = SignatureFile.parse(
                List.of(JSON_OBJECT_HEADER, "    public java.util.Collection<java.lang.Object> values()"));

        assertThat(StubComparison.mismatches(file.types().get("net.sf.json.JSONObject")))
                .containsExactly("net.sf.json.JSONObject: member missing or different:"
                        + " public java.util.Collection<java.lang.Object> values()"
                        + " (stub has: public java.util.Collection values())");
    }

    @Test
    void aStubMemberThatTheListingLacksIsReported() {
        SignatureFile file = SignatureFile.parse(List.of(JSON_OBJECT_HEADER, "    public int size()"));

        assertThat(SupplementarySignatures.mismatches(file.types().get("net.sf.json.JSONObject")))
                .contains(
                        "net.sf.json.JSONObject: stub member not in the real type: public java.util.Collection values()")
                .noneMatch(m -> m.contains("size()"));
    }
}
