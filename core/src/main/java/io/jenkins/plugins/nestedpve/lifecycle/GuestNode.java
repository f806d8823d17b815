package io.jenkins.plugins.nestedpve.lifecycle;

import io.jenkins.plugins.nestedpve.cluster.NestedNode;
import io.jenkins.plugins.nestedpve.host.GuestNesting;
import io.jenkins.plugins.nestedpve.pve.Fingerprint;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.Upid;
import io.jenkins.plugins.nestedpve.ssh.SshSession;

/**
 * What is known about one guest while it is being built: written by the thread building it, read
 * by the orchestrator after that thread has ended. Holds the guest's open SSH session and API
 * client; {@link #close()} closes both (twice is harmless).
 */
final class GuestNode implements AutoCloseable {
    final int index;
    final String name;
    volatile Integer vmid;
    volatile String address;
    volatile SshSession ssh;
    volatile PveClient api;
    volatile Fingerprint apiFingerprint;
    volatile String sshHostKey;
    volatile GuestNesting nesting;
    /** The last task started for this guest on the host, for diagnostics. */
    volatile Upid lastTask;

    GuestNode(int index, String name) {
        this.index = index;
        this.name = name;
    }

    /** The result record; requires the guest to be complete. */
    NestedNode toNestedNode(int apiPort, int sshPort) {
        return new NestedNode(name, vmid, address, apiFingerprint.value(), sshHostKey, apiPort, sshPort);
    }

    /** Replaces the API client (e.g. re-pinned after a join), closing the old one. */
    void replaceApi(PveClient client) {
        PveClient old = api;
        api = client;
        if (old != null && old != client) {
            old.close();
        }
    }

    /** Replaces the SSH session, closing the old one. */
    void replaceSsh(SshSession session) {
        SshSession old = ssh;
        ssh = session;
        if (old != null && old != session) {
            old.close();
        }
    }

    @Override
    public void close() {
        SshSession s = ssh;
        if (s != null) {
            s.close();
        }
        PveClient c = api;
        if (c != null) {
            c.close();
        }
    }

    @Override
    public String toString() {
        return "GuestNode[" + name + (vmid == null ? "" : " vmid " + vmid) + (address == null ? "" : " " + address)
                + "]";
    }
}
