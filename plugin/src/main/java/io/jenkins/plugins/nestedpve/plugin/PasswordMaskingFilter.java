package io.jenkins.plugins.nestedpve.plugin;

import hudson.console.ConsoleLogFilter;
import hudson.model.Run;
import io.jenkins.plugins.nestedpve.cluster.MaskPattern;
import io.jenkins.plugins.nestedpve.cluster.MaskingOutputStream;
import java.io.OutputStream;
import java.io.Serializable;

/**
 * Masks the cluster's root password in everything the body writes to the build log (as {@code withCredentials}
 * does). It holds the password's {@link MaskPattern}, not the password: so it can be written to program.dat and sent
 * along with the listener of a durable {@code sh} to an agent, which decorates the output there, and mask wherever
 * it is read back.
 */
final class PasswordMaskingFilter extends ConsoleLogFilter implements Serializable {
    private static final long serialVersionUID = 1L;

    private final MaskPattern password;

    PasswordMaskingFilter(MaskPattern password) {
        this.password = password;
    }

    @Override
    @SuppressWarnings("rawtypes") // the signature of the real API
    public OutputStream decorateLogger(Run build, OutputStream logger) {
        return new MaskingOutputStream(logger, password);
    }

    @Override
    public String toString() {
        return "PasswordMaskingFilter[" + password + "]";
    }
}
