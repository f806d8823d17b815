package io.jenkins.plugins.nestedpve.provision;

import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.pve.AgentInterface;
import io.jenkins.plugins.nestedpve.pve.PveApiException;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.spec.Addressing;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.ssh.HostKeyPolicy;
import io.jenkins.plugins.nestedpve.ssh.HostKeyRejectedException;
import io.jenkins.plugins.nestedpve.ssh.SshSession;
import java.util.List;
import java.util.Optional;

/**
 * The reach phase of one guest (ADDRESS, then SSH), giving a {@link ReachableGuest}: its address
 * (static, or reported by its agent on {@code vmbr0}), then first contact through the agent and an
 * SSH session pinned to the keys the agent read (pve-facts §3.9; docs/security-guest-trust.md).
 */
final class ReachPhase {
    private final RunContext run;
    private final ClusterSpec spec;
    private final Validated validated;
    private final GuestAccess access;

    ReachPhase(RunContext run, ClusterSpec spec, Validated validated, GuestAccess access) {
        this.run = run;
        this.spec = spec;
        this.validated = validated;
        this.access = access;
    }

    ReachableGuest run(BootedGuest guest) {
        String address = run.phases().run(Phase.ADDRESS, guest.name(), () -> address(guest));
        run.footprint().address(guest.slot().index(), guest.name(), address);
        return run.phases().run(Phase.SSH, guest.name(), () -> ssh(guest, address));
    }

    private String address(BootedGuest guest) throws InterruptedException {
        if (spec.addressing() instanceof Addressing.StaticPool pool) {
            return guest.slot().staticAddress(pool, spec.nodes());
        }
        String address = run.waiter()
                .until(
                        "the guest agent of " + guest.name() + " (VMID " + guest.vmid()
                                + ") should report an IPv4 address on vmbr0 — the template needs qemu-guest-agent"
                                + " and DHCP on its bridge",
                        run.deadline(spec.timeouts().boot()),
                        run.ctx().poll(),
                        () -> agentAddress(guest));
        run.info(guest.name() + " has address " + address);
        return address;
    }

    private Optional<String> agentAddress(BootedGuest guest) {
        PveClient host = validated.host();
        List<AgentInterface> ifaces;
        try {
            ifaces = host.agentNetworkInterfaces(guest.hostNode(), guest.vmid());
        } catch (PveApiException e) {
            String m = e.pveMessage();
            if (m.contains("guest agent is not running") || m.contains("got timeout")) {
                return Optional.empty(); // still booting
            }
            throw e;
        }
        return ifaces.stream()
                .filter(i -> i.name().equals("vmbr0"))
                .flatMap(i -> i.ipv4().stream())
                .filter(ip -> !ip.startsWith("127.0.") && !ip.startsWith("169.254."))
                .findFirst();
    }

    /**
     * First contact: new host keys and the cluster's key through the guest agent (a verified channel),
     * then SSH with exactly the keys the agent read pinned and the cluster's key as the login. An
     * impostor on the guest's address fails the key exchange before anything is sent to it.
     */
    private ReachableGuest ssh(BootedGuest guest, String address) throws InterruptedException {
        GuestTrust trust = new GuestTrust(run, spec, validated, guest);
        HostKeyPolicy policy = HostKeyPolicy.pinned(trust.prepare());
        SshSession ssh;
        try {
            ssh = access.connect(address, policy, run.deadline(spec.timeouts().ssh()));
        } catch (HostKeyRejectedException e) {
            throw trust.impostor(e);
        }
        run.footprint().opened(ssh);
        return new ReachableGuest(guest, address, ssh, ssh.hostKey().sha256());
    }
}
