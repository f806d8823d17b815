package io.jenkins.plugins.nestedpve.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes a secret to a file only its owner can read (mode 600 from the start, never wider). */
final class SecretFiles {
    private SecretFiles() {}

    static Path write(Path file, String secret) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system
        }
        Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
        return file;
    }
}
