package io.jenkins.plugins.nestedpve.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Reads a file's mode as {@code rw-------}. */
final class PosixPermissions {
    private PosixPermissions() {}

    static String of(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
