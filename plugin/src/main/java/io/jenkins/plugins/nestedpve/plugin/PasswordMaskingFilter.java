package io.jenkins.plugins.nestedpve.plugin;

import hudson.console.ConsoleLogFilter;
import hudson.model.Run;
import java.io.ObjectStreamException;
import java.io.OutputStream;
import java.io.Serializable;

/**
 * Masks the cluster's root password in everything the body writes to the build log (as {@code withCredentials}
 * does). It has two serialized forms:
 *
 * <ul>
 *   <li>on the controller (program.dat): the lease id only. The password is read by lease id from the in-memory
 *       {@link ClusterSecrets} when a step's log is decorated; after a restart nothing is known to mask, and nothing
 *       needs to be, as the password variable is no longer set either.
 *   <li>over a remoting channel (Pipeline sends the decorated listener of a durable {@code sh} to the agent, which
 *       decorates its output there): an {@link AgentPasswordMask} carrying the password, which refuses to be
 *       written anywhere but to a channel.
 * </ul>
 */
final class PasswordMaskingFilter extends ConsoleLogFilter implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String leaseId;
    private transient ClusterSecrets secrets;
    private transient RemotingChannel remoting;

    PasswordMaskingFilter(String leaseId, ClusterSecrets secrets, RemotingChannel remoting) {
        this.leaseId = leaseId;
        this.secrets = secrets;
        this.remoting = remoting;
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

    /** Sent to an agent, the filter takes the password along: the agent has no {@link ClusterSecrets}. */
    private Object writeReplace() throws ObjectStreamException {
        if (secrets == null || remoting == null || !remoting.serializingForChannel()) {
            return this;
        }
        return secrets.reveal(leaseId)
                .<Object>map(password -> new AgentPasswordMask(password, remoting))
                .orElse(this);
    }

    @Override
    public String toString() {
        return "PasswordMaskingFilter[lease " + leaseId + "]";
    }
}
