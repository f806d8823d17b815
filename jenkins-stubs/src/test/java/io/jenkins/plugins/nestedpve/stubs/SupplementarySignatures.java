package io.jenkins.plugins.nestedpve.stubs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The project's own signature files ({@code src/test/resources/signatures/*.txt}, same format as
 * jenkins-api-signatures.txt), for stubbed types that file does not list. Held both ways: every listed
 * member is in the stub, and every public or protected member of the stub is listed.
 */
final class SupplementarySignatures {
    static final Path DIR = Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "signatures");

    private SupplementarySignatures() {}

    static List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    /** What differs, both ways, between the listing and the stub of the same name. */
    static List<String> mismatches(SignatureFile.TypeEntry listed) {
        List<String> out = new ArrayList<>(StubComparison.mismatches(listed));
        StubComparison.load(listed.name()).ifPresent(stub -> {
            for (Signature member : SignatureRenderer.members(stub)) {
                boolean visible =
                        member.mods().contains("public") || member.mods().contains("protected");
                if (visible && !listed.members().contains(member)) {
                    out.add(listed.name() + ": stub member not in the real type: " + member);
                }
            }
        });
        return out;
    }
}
