package io.jenkins.plugins.nestedpve.provision;

import io.jenkins.plugins.nestedpve.ssh.CommandRunner;
import io.jenkins.plugins.nestedpve.ssh.ExecResult;
import java.time.Duration;

/**
 * A {@link CommandRunner} that can also feed a secret to a command's standard input, so that a
 * password never appears in a command line (visible in {@code ps}, shell history, logs). Used for
 * the identity script, which pipes it to {@code chpasswd}. The SSH transport implements it.
 */
public interface SecretInputRunner extends CommandRunner {
    /**
     * Runs {@code command}, writes {@code secretInput} to its standard input and closes it (EOF).
     * Implementations never log {@code secretInput} and never put it in exception messages.
     *
     * @param timeout the command is killed when it runs longer
     * @throws InterruptedException when the calling thread is interrupted (the command is killed)
     */
    ExecResult runWithSecretInput(String command, String secretInput, Duration timeout) throws InterruptedException;

    /**
     * As {@link #runWithSecretInput}, for a command declared idempotent (running it twice has the effect
     * of running it once): a runner that can reconnect runs it again, input included, on a new
     * connection after a drop; a plain one runs it once.
     *
     * @param label what messages call the command (the command line itself is never shown)
     */
    default ExecResult runIdempotentWithSecretInput(String command, String label, String secretInput, Duration timeout)
            throws InterruptedException {
        return runWithSecretInput(command, secretInput, timeout);
    }
}
