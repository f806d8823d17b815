package io.jenkins.plugins.nestedpve.sim.model;

import io.jenkins.plugins.nestedpve.sim.tls.TlsIdentity;

/**
 * The network face of one PVE machine: its HTTPS API (pveproxy) and its SSH daemon, bound to the
 * machine's address. Implemented outside the model, so the model stays free of protocol code.
 */
public interface NodeServers extends AutoCloseable {
    /** Creates the servers of a machine (not yet bound). */
    @FunctionalInterface
    interface Factory {
        NodeServers create(PveMachine machine);
    }

    /** Binds API and SSH to {@code ip}; throws when the address cannot be bound. */
    void start(String ip) throws java.io.IOException;

    /** Serves {@code id} for new TLS connections (after a certificate change). */
    void setTls(TlsIdentity id);

    /** While false the API refuses connections as a restarting pveproxy does. */
    void setApiAvailable(boolean available);

    /** pveproxy restarted with the installed PVE: validate with that release's schema from now on. */
    default void reloadSchema() {}

    /** Restarts sshd: host keys are read again from the file system. */
    void restartSsh();

    /** The bound API port. */
    int apiPort();

    /** The bound SSH port. */
    int sshPort();

    /** Unbinds everything; twice is harmless. */
    @Override
    void close();
}
