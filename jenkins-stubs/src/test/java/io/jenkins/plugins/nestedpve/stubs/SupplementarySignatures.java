package io.jenkins.plugins.nestedpve.stubs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The project's own signature files (same format as jenkins-api-signatures.txt), below the module's
 * {@code src/test/resources/signatures/}: {@code *.txt} list whole types, held both ways (every listed member is
 * in the stub, every public or protected member of the stub is listed); {@code additions/*.txt} list members
 * added to types another file owns, held one way (every listed member is in the stub).
 */
final class SupplementarySignatures {
    static final Path DIR = Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "signatures");

    private SupplementarySignatures() {}

    static List<Path> files() throws IOException {
        return txt(DIR);
    }

    static SignatureFile read(Path file) throws IOException {
        return SignatureFile.parse(Files.readAllLines(file));
    }

    static List<Path> additions() throws IOException {
        Path dir = DIR.resolve("additions");
        return Files.isDirectory(dir) ? txt(dir) : List.of();
    }

    private static List<Path> txt(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
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
