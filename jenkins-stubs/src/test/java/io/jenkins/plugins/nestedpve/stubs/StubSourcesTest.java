package io.jenkins.plugins.nestedpve.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every stub source says where its signatures come from, and names only real sources or the shared file. */
class StubSourcesTest {
    /** e.g. "read from jenkinsci/jenkins:core/src/main/java/hudson/model/Node.java at jenkins-2.541.3". */
    private static final Pattern READ_FROM = Pattern.compile("read from [\\w.-]+/[\\w.-]+:\\S+\\.java at \\S+");

    private static final Path SOURCES = Path.of(System.getProperty("basedir", "."), "src", "main", "java");

    @Test
    void everyStubFileStartsWithTheCompileOnlyNotice() throws IOException {
        List<String> without = new ArrayList<>();
        for (Path file : stubFiles()) {
            if (!Files.readAllLines(file).get(0).startsWith("// Compile-only stub. Signatures")) {
                without.add(SOURCES.relativize(file).toString());
            }
        }
        assertThat(without).as("stub files without the leading source comment").isEmpty();
    }

    @Test
    void everyStubTypeNotInTheSignatureFileNamesTheRealSourceItWasReadFrom() throws IOException {
        Set<String> listed = SignatureFile.bundled().types().keySet();
        List<String> unsourced = new ArrayList<>();
        for (Path file : stubFiles()) {
            String type = typeName(file);
            if (!listed.contains(type)
                    && !READ_FROM.matcher(leadingComment(file)).find()) {
                unsourced.add(type);
            }
        }
        assertThat(unsourced)
                .as("stub types outside jenkins-api-signatures.txt without 'read from <repo>:<path> at <ref>'")
                .isEmpty();
    }

    @Test
    void stubFilesThatCiteOnlyTheSignatureFileAreListedThere() throws IOException {
        Set<String> listed = SignatureFile.bundled().types().keySet();
        List<String> wrongCitation = new ArrayList<>();
        for (Path file : stubFiles()) {
            String comment = leadingComment(file);
            if (comment.contains(SignatureFile.FILE_NAME)
                    && !READ_FROM.matcher(comment).find()
                    && !listed.contains(typeName(file))) {
                wrongCitation.add(typeName(file));
            }
        }
        assertThat(wrongCitation).isEmpty();
    }

    @Test
    void everyStubFileCompilesToALoadableType() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path file : stubFiles()) {
            if (StubComparison.load(typeName(file)).isEmpty()) {
                missing.add(typeName(file));
            }
        }
        assertThat(stubFiles()).hasSizeGreaterThan(50);
        assertThat(missing).isEmpty();
    }

    private static List<Path> stubFiles() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static String typeName(Path file) {
        String rel = SOURCES.relativize(file).toString();
        return rel.substring(0, rel.length() - ".java".length())
                .replace(file.getFileSystem().getSeparator(), ".");
    }

    /** The line comments before the package declaration, joined into one line without their "//". */
    private static String leadingComment(Path file) throws IOException {
        StringBuilder out = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            if (!line.startsWith("//")) {
                break;
            }
            out.append(line.substring(2).strip()).append(' ');
        }
        return out.toString();
    }
}
