package io.jenkins.plugins.nestedpve.provision;

import io.jenkins.plugins.nestedpve.cluster.Secret;
import java.util.Objects;
import java.util.Optional;

/**
 * One labelled command of {@link GuestIdentity}: a single command line (every value quoted with
 * {@link io.jenkins.plugins.nestedpve.ssh.ShellQuote}) and, for {@code chpasswd}, a secret for its
 * standard input. {@link #toString()} shows label and command, never the secret.
 *
 * @param label what the step does, for logs
 * @param command the command line; never contains a secret
 * @param secretInput standard input, or null
 */
public record IdentityStep(String label, String command, Secret secretInput) {
    public IdentityStep {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(command, "command");
    }

    static IdentityStep of(String label, String command) {
        return new IdentityStep(label, command, null);
    }

    public Optional<Secret> secretInputIfAny() {
        return Optional.ofNullable(secretInput);
    }

    @Override
    public String toString() {
        return label + ": " + command + (secretInput == null ? "" : " (input: ****)");
    }
}
