package io.jenkins.plugins.nestedpve.plugin;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Replaces a file so that readers (and a crash) see either the old or the new content, never a mix. */
final class AtomicFiles {
    /** Writes the content; may fail part-way. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {}

    /**
     * Writes to a temporary file beside {@code target}, forces it to disk, then renames it over {@code target}.
     * On failure the temporary file is removed and {@code target} is unchanged.
     */
    static void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            // a plain stream, not a FileChannel: a channel fails at once on an interrupted thread, and a
            // cancelled provisioning (interrupted) must still record the VMs it is about to destroy
            try (FileOutputStream out = new FileOutputStream(tmp.toFile(), false)) {
                content.writeTo(out);
                out.flush();
                out.getFD().sync();
            }
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // same directory, so a plain rename is still a single step on every file system Jenkins runs on
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
