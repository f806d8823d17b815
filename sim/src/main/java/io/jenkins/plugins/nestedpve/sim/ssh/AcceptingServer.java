package io.jenkins.plugins.nestedpve.sim.ssh;

import org.apache.sshd.common.io.IoAcceptor;
import org.apache.sshd.server.SshServer;

/** MINA's server with its acceptor reachable, so the port can be closed and reopened. */
final class AcceptingServer extends SshServer {
    IoAcceptor acceptor() {
        return acceptor;
    }
}
