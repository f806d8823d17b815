package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.cluster.SafeFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a secret to a file only its owner can read: mode 600 (or an owner-only ACL) from the
 * start, written through the handle that created it and moved into place, so a symbolic link
 * swapped in at the name is replaced, never followed; refused on a file system that can protect
 * neither way ({@link SafeFiles}).
 */
final class SecretFiles {
    private SecretFiles() {}

    static Path write(Path file, String secret) throws IOException {
        return SafeFiles.write(file, secret + "\n", SafeFiles.Visibility.PRIVATE);
    }
}
