package io.jenkins.plugins.nestedpve.plugin;

import hudson.console.ConsoleLogFilter;
import hudson.model.Run;
import java.io.OutputStream;
import java.io.Serializable;

/**
 * Masks the cluster's root password in everything the body writes to the build log (as {@code withCredentials}
 * does). The password is read by lease id from the in-memory {@link ClusterSecrets} when a step's log is
 * decorated; it is never a field of this serialized object. After a restart nothing is known to mask, and nothing
 * needs to be: the password variable is no longer set either.
 */
final class PasswordMaskingFilter extends ConsoleLogFilter implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String leaseId;
    private transient ClusterSecrets secrets;

    PasswordMaskingFilter(String leaseId, ClusterSecrets secrets) {
        this.leaseId = leaseId;
        this.secrets = secrets;
    }

    @Override
    @SuppressWarnings("rawtypes") // the signature of the real API
    public OutputStream decorateLogger(Run build, OutputStream logger) {
        if (secrets == null) {
            return logger;
        }
        return secrets.reveal(leaseId)
                .<OutputStream>map(password -> new MaskingOutputStream(logger, password))
                .orElse(logger);
    }

    @Override
    public String toString() {
        return "PasswordMaskingFilter[lease " + leaseId + "]";
    }
}
