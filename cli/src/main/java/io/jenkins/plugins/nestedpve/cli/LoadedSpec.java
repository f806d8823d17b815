package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.cluster.GuestCredentials;
import io.jenkins.plugins.nestedpve.cluster.HostCredentials;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A spec file, read and validated: the cluster spec plus the credentials its {@code *Env} and
 * {@code *File} keys pointed to. {@link #toString()} shows no secret.
 *
 * @param file the spec file
 * @param spec the validated cluster spec
 * @param hostCredentials the API token (and SSH credentials) for the physical host
 * @param guestCredentials how to log in to fresh clones, or null when the file has no {@code guest} credentials
 * @param outputDir where the descriptor and inventory are written
 * @param warnings things worth telling the user that do not stop anything
 */
public record LoadedSpec(
        Path file,
        ClusterSpec spec,
        HostCredentials hostCredentials,
        GuestCredentials guestCredentials,
        Path outputDir,
        List<String> warnings) {
    public LoadedSpec {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(hostCredentials, "hostCredentials");
        Objects.requireNonNull(outputDir, "outputDir");
        warnings = List.copyOf(warnings);
    }

    @Override
    public String toString() {
        return "LoadedSpec[" + file + ", " + spec + ", " + hostCredentials + ", " + guestCredentials + "]";
    }
}
