package io.jenkins.plugins.nestedpve.plugin;

import hudson.util.Secret;

/** Reveals a {@link Secret} at the moment it is handed to the core; a seam so tests need no Jenkins. */
@FunctionalInterface
public interface SecretReader {
    /** The plain text of {@code secret}; null for a null secret. */
    String reveal(Secret secret);

    /** {@link Secret#getPlainText()}. */
    static SecretReader jenkins() {
        return secret -> secret == null ? null : secret.getPlainText();
    }
}
