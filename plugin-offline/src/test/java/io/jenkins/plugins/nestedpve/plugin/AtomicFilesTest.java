package io.jenkins.plugins.nestedpve.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheContent() throws IOException {
        Path target = dir.resolve("leases.json");
        Files.writeString(target, "old");

        AtomicFiles.write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));

        assertThat(target).hasContent("new");
    }

    @Test
    void aWriteThatFailsHalfWayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("leases.json");
        Files.writeString(target, "old");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
                    out.write("half of the new con".getBytes(StandardCharsets.UTF_8));
                    throw new IOException("disk full");
                }))
                .hasMessage("disk full");

        assertThat(target).hasContent("old");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void writesOnAnInterruptedThreadAndKeepsTheFlag() throws IOException {
        Path target = dir.resolve("leases.json");

        Thread.currentThread().interrupt();
        try {
            AtomicFiles.write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        } finally {
            assertThat(Thread.interrupted()).isTrue();
        }

        assertThat(Files.readString(target)).isEqualTo("new");
    }

    @Test
    void createsMissingDirectories() throws IOException {
        Path target = dir.resolve("nested-pve/leases.json");

        AtomicFiles.write(target, out -> out.write('x'));

        assertThat(target).hasContent("x");
    }
}
