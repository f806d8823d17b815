package io.jenkins.plugins.nestedpve.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The test stubs against the real signatures in {@code src/test/resources/signatures/}: every listed type matches
 * its stub both ways, and every stub type is listed.
 */
class TestStubSignaturesTest {
    private static final Path SOURCES = Path.of(System.getProperty("basedir", "."), "src", "main", "java");

    @TestFactory
    Stream<DynamicTest> everyListedTypeMatchesItsStubBothWays() throws IOException {
        Stream.Builder<DynamicTest> tests = Stream.builder();
        for (SignatureFile.TypeEntry entry : listed()) {
            tests.add(DynamicTest.dynamicTest(
                    entry.name(),
                    () -> assertThat(SupplementarySignatures.mismatches(entry)).isEmpty()));
        }
        return tests.build();
    }

    @Test
    void everyStubTypeIsListed() throws IOException {
        Set<String> names = new HashSet<>();
        listed().forEach(e -> names.add(e.name()));
        List<String> unlisted = new ArrayList<>();
        for (Class<?> type : stubTypes()) {
            if (!names.contains(type.getName().replace('$', '.'))) {
                unlisted.add(type.getName());
            }
        }
        assertThat(unlisted)
                .as("stub types missing from src/test/resources/signatures")
                .isEmpty();
    }

    @Test
    void aMissingCheckedExceptionIsReported() {
        SignatureFile file = SignatureFile.parse(List.of(
                "org.jvnet.hudson.test.JenkinsRule   [kind=CLASS mods=[public] tparams= super=java.lang.Object"
                        + " interfaces=[]]",
                "    public void assertEqualDataBoundBeans(java.lang.Object, java.lang.Object)"));

        assertThat(SupplementarySignatures.mismatches(file.types().get("org.jvnet.hudson.test.JenkinsRule")))
                .contains("org.jvnet.hudson.test.JenkinsRule: member missing or different:"
                        + " public void assertEqualDataBoundBeans(java.lang.Object, java.lang.Object)"
                        + " (stub has: public void assertEqualDataBoundBeans(java.lang.Object, java.lang.Object)"
                        + " throws java.lang.reflect.InvocationTargetException, java.lang.NoSuchMethodException,"
                        + " java.lang.IllegalAccessException)");
    }

    private static List<SignatureFile.TypeEntry> listed() throws IOException {
        List<Path> files = SupplementarySignatures.files();
        assertThat(files).isNotEmpty();
        List<SignatureFile.TypeEntry> out = new ArrayList<>();
        for (Path file : files) {
            out.addAll(SupplementarySignatures.read(file).types().values());
        }
        return out;
    }

    /** Every top-level and nested type compiled from this module's sources. */
    private static List<Class<?>> stubTypes() throws IOException {
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String rel = SOURCES.relativize(file).toString();
                String name = rel.substring(0, rel.length() - ".java".length())
                        .replace(file.getFileSystem().getSeparator(), ".");
                out.add(StubComparison.load(name).orElseThrow());
            }
        }
        for (int i = 0; i < out.size(); i++) {
            out.addAll(List.of(out.get(i).getDeclaredClasses()));
        }
        return out;
    }
}
