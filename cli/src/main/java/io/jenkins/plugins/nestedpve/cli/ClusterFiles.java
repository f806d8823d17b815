package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.cluster.OutputFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The files a cluster leaves in the output directory: its descriptor, its Ansible inventory and
 * (from {@code up}) its root password. They describe a cluster that exists, so they go when it is
 * torn down.
 */
final class ClusterFiles {
    private ClusterFiles() {}

    /** {@code <dir>/<cluster>.root-password}. */
    static Path rootPassword(Path dir, String cluster) {
        return dir.resolve(cluster + ".root-password");
    }

    /** The descriptor, the inventory and the root password file of {@code cluster} in {@code dir}. */
    static List<Path> of(Path dir, String cluster) {
        return List.of(
                dir.resolve(OutputFiles.descriptorName(cluster)),
                dir.resolve(OutputFiles.inventoryName(cluster)),
                rootPassword(dir, cluster));
    }

    /** Deletes them (those that exist); a file that cannot be deleted is named on {@code err}. */
    static void remove(Path dir, String cluster, PrintStream err) {
        if (!cluster.matches("[A-Za-z0-9][A-Za-z0-9-]{0,62}")) {
            return; // not a cluster name (a name from the command line is not trusted as a path)
        }
        for (Path f : of(dir, cluster)) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                err.println("warning: could not remove " + f + " of the torn-down cluster: " + e.getMessage());
            }
        }
    }
}
