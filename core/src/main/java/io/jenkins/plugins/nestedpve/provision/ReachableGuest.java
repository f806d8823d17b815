package io.jenkins.plugins.nestedpve.provision;

import io.jenkins.plugins.nestedpve.ssh.SshSession;
import java.util.Objects;

/**
 * After the reach phase (ADDRESS, then SSH): the guest's IPv4 address is known (static, or from its
 * agent), it got new SSH host keys and the cluster's key through its agent, and {@code ssh} is a
 * root session whose host key is one the agent read inside the guest — nothing else answering on
 * the address got anything.
 *
 * @param booted the guest as booted
 * @param address its IPv4 address
 * @param ssh the open root session (closed when the provisioning ends)
 * @param sshHostKey the SHA256 fingerprint of the host key the session verified
 */
record ReachableGuest(BootedGuest booted, String address, SshSession ssh, String sshHostKey) {
    ReachableGuest {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(ssh, "ssh");
    }

    String name() {
        return booted.name();
    }

    int vmid() {
        return booted.vmid();
    }
}
