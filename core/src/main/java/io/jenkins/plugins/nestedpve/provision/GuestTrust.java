package io.jenkins.plugins.nestedpve.provision;

import io.jenkins.plugins.nestedpve.NestedPveException;
import io.jenkins.plugins.nestedpve.cluster.SshHostKeys;
import io.jenkins.plugins.nestedpve.events.Healing;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.pve.AgentExecStatus;
import io.jenkins.plugins.nestedpve.pve.PveApiException;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.ReconciledWrites;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.ssh.HostKeyRejectedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * First contact with a new guest, through a channel that is already verified: the physical host's
 * API (its certificate pinned) and the guest's QEMU agent (a virtio serial port, not the network).
 * Over it the guest gets new SSH host keys (the template's are known to every clone of it) and the
 * cluster's public key in root's {@code authorized_keys}; then the new public host keys are read
 * back. The first SSH connection pins exactly those keys, so an impostor answering on the guest's
 * address fails the key exchange before any credential or secret is sent (see
 * docs/security-guest-trust.md).
 */
final class GuestTrust {
    /** Where {@code ssh-keygen -A} writes the public host keys. */
    static final List<String> HOST_KEY_FILES = List.of(
            "/etc/ssh/ssh_host_ed25519_key.pub", "/etc/ssh/ssh_host_ecdsa_key.pub", "/etc/ssh/ssh_host_rsa_key.pub");

    /**
     * Runs in the guest via agent exec; the cluster's public key arrives on stdin (input-data). A
     * new file made by the agent's own file-write would be mode 0666 (qga {@code
     * DEFAULT_NEW_FILE_MODE}), which sshd refuses for authorized_keys, so the shell appends it under
     * umask 077 instead.
     */
    static final String SCRIPT = String.join(
            "\n",
            "set -e",
            "rm -f /etc/ssh/ssh_host_*",
            "ssh-keygen -A",
            "umask 077",
            "mkdir -p /root/.ssh",
            "cat >> /root/.ssh/authorized_keys",
            "systemctl restart ssh");

    /** How often the first-contact script is sent again after its exec request got no clear answer. */
    private static final int AGENT_EXEC_RESENDS = 2;

    private final RunContext run;
    private final ClusterSpec spec;
    private final BootedGuest node;
    private final PveClient host;
    private final String hostNode;

    GuestTrust(RunContext run, ClusterSpec spec, Validated validated, BootedGuest node) {
        this.run = run;
        this.spec = spec;
        this.node = node;
        this.host = validated.host();
        this.hostNode = node.hostNode();
    }

    /**
     * Gives the guest new host keys and the cluster's key through the agent and returns the new
     * keys' fingerprints, read through the agent: the only keys its SSH may present.
     */
    List<String> prepare() throws InterruptedException {
        awaitAgent();
        String comment = "nested-pve@" + spec.clusterName();
        String input = "\n" + run.clusterKey().publicKeyLine(comment) + "\n";
        // re-runnable: new host keys again (read back after the run that counts) and the key line twice at worst
        int pid = writes().agentExecRerunnable(hostNode, node.vmid(), List.of("/bin/sh", "-c", SCRIPT), input);
        AgentExecStatus done = awaitExit(pid);
        if (done.exitCode() == null || done.exitCode() != 0) {
            throw new NestedPveException("giving " + node.name() + " (VMID " + node.vmid()
                    + ") new SSH host keys and the cluster's key through the guest agent failed (exit "
                    + (done.exitCode() == null ? "signal " + done.signal() : done.exitCode()) + "): "
                    + tail(done.errData()) + " — check that the template runs qemu-guest-agent, has openssh-server"
                    + " and lets root log in with a key");
        }
        List<String> fingerprints = readHostKeys();
        run.info(node.name() + ": new SSH host keys read through the guest agent: " + String.join(", ", fingerprints));
        return fingerprints;
    }

    /** After a 503 on the agent exec the script is sent again; reported as an absorbed fault. */
    private ReconciledWrites writes() {
        return new ReconciledWrites(host, AGENT_EXEC_RESENDS, new ReconciledWrites.Observer() {
            @Override
            public void reconciled(String request, boolean tookEffect, String why) {
                resent(request, why);
            }

            @Override
            public void resent(String request, String why) {
                run.listener()
                        .healed(new Healing(
                                Healing.Action.RETRIED,
                                Phase.SSH,
                                node.name(),
                                request + " (re-runnable) sent again after: " + Healing.firstLine(why)));
            }
        });
    }

    private void awaitAgent() throws InterruptedException {
        run.waiter()
                .until(
                        "the guest agent of " + node.name() + " (VMID " + node.vmid()
                                + ") should answer — the template needs qemu-guest-agent installed and enabled",
                        run.deadline(spec.timeouts().boot()),
                        run.ctx().poll(),
                        () -> host.agentPing(hostNode, node.vmid()) ? Optional.of(true) : Optional.empty());
    }

    private AgentExecStatus awaitExit(int pid) throws InterruptedException {
        return run.waiter()
                .until(
                        "the new SSH host keys of " + node.name() + " should be generated through the guest agent",
                        run.deadline(spec.timeouts().command()),
                        run.ctx().poll(),
                        () -> Optional.of(host.agentExecStatus(hostNode, node.vmid(), pid))
                                .filter(AgentExecStatus::exited));
    }

    private List<String> readHostKeys() {
        List<String> fingerprints = new ArrayList<>();
        for (String file : HOST_KEY_FILES) {
            try {
                SshHostKeys.parse(host.agentFileRead(hostNode, node.vmid(), file)).stream()
                        .map(SshHostKeys.HostKey::fingerprint)
                        .forEach(fingerprints::add);
            } catch (PveApiException e) {
                if (!e.pveMessage().contains("Failed to open file")) {
                    throw e;
                }
                // ssh-keygen -A makes every type the OpenSSH build supports; a missing one is fine
            }
        }
        if (fingerprints.isEmpty()) {
            throw new NestedPveException("no SSH host key of " + node.name() + " (VMID " + node.vmid()
                    + ") could be read through the guest agent (" + String.join(", ", HOST_KEY_FILES)
                    + "); without them its SSH cannot be verified — check that ssh-keygen -A works in the template");
        }
        return List.copyOf(fingerprints);
    }

    /** The error for an SSH server on the guest's address whose key is not one the agent read. */
    NestedPveException impostor(HostKeyRejectedException e) {
        return new NestedPveException(
                "the SSH server answering on " + e.hostPort() + " for " + node.name() + " (VMID " + node.vmid()
                        + ") presented host key " + e.actual() + " (" + e.actualKeyType()
                        + "), which is not one of the keys the guest agent read inside the guest " + e.expected()
                        + ": another machine answers on the guest's address (an address conflict or an interception"
                        + " on bridge " + spec.bridge() + "); nothing was sent to it — check the bridge for a"
                        + " duplicate address or a foreign DHCP server",
                e);
    }

    private static String tail(String text) {
        String t = text == null ? "" : text.strip();
        return t.length() > 300 ? "…" + t.substring(t.length() - 300) : (t.isEmpty() ? "(no error output)" : t);
    }
}
