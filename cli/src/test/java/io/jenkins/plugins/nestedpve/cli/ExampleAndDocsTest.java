package io.jenkins.plugins.nestedpve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.spec.SpecProblem;
import io.jenkins.plugins.nestedpve.spec.file.SpecFileReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped example spec is valid, and the spec reference documents every key the reader knows. */
class ExampleAndDocsTest {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @TempDir
    Path dir;

    @Test
    void exampleSpecIsValid() throws IOException {
        Path key = dir.resolve("key");
        Files.writeString(key, "-----BEGIN OPENSSH PRIVATE KEY-----\n...\n-----END OPENSSH PRIVATE KEY-----\n");
        String example = Files.readString(ROOT.resolve("examples/cluster.yaml"))
                .replace("~/.ssh/nested-pve-ed25519", key.toString());
        Files.writeString(dir.resolve("cluster.yaml"), example);
        CliContext ctx = new CliContext(
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                Map.of(
                        "PVE_TOKEN", SpecFileTest.TOKEN_SECRET,
                        "PVE_TEMPLATE_ROOT_PASSWORD", SpecFileTest.GUEST_PASSWORD),
                dir.resolve("home"),
                dir,
                Clock.systemUTC(),
                new TestHooks());

        LoadedSpec s;
        try {
            s = SpecFiles.load(ctx, "cluster.yaml", "test");
        } catch (SpecFileException e) {
            throw new AssertionError(
                    e.problems().stream().map(SpecProblem::toString).toList().toString(), e);
        }

        assertThat(s.spec().nodes()).isEqualTo(3);
        assertThat(s.hostCredentials().hasSsh()).isTrue();
    }

    @Test
    void specReferenceDocumentsEveryKey() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/spec-reference.md"));
        assertThat(SpecFileReader.knownKeys()).allSatisfy(k -> assertThat(doc).contains("`" + k + "`"));
    }

    @Test
    void cliReferenceDocumentsEveryCommandAndExitCode() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/cli.md"));

        for (String command : Set.of("demo", "run", "up", "down", "reap", "doctor", "sim")) {
            assertThat(doc).contains("## `nestedpve " + command);
        }
        for (int code : new int[] {0, 1, 2, 3, 4, 5, 130}) {
            assertThat(doc).contains("| " + code + " |");
        }
    }
}
