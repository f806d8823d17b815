package io.jenkins.plugins.nestedpve.sim.model;

import io.jenkins.plugins.nestedpve.sim.shell.VirtualFs;
import io.jenkins.plugins.nestedpve.sim.tls.TlsIdentity;
import java.util.Optional;

/**
 * Shows a machine's {@code /etc/pve} in its file system (read-only mirror of the {@link Pmxcfs}), so
 * shell users see {@code corosync.conf}, the node certificate and {@code user.cfg} where PVE keeps them.
 */
public final class EtcPve {
    private EtcPve() {}

    /** Rewrites the mirror from the machine's current pmxcfs and node name. */
    public static void mirror(PveMachine m) {
        VirtualFs fs = m.fs();
        Pmxcfs p = m.pmxcfs();
        fs.deleteTree("/etc/pve");
        fs.write("/etc/pve/pve-root-ca.pem", p.ca().pem());
        fs.write("/etc/pve/user.cfg", p.users().userCfg());
        fs.write("/etc/pve/storage.cfg", Storage.storageCfg(p));
        Optional<TlsIdentity> cert = p.nodeCert(m.nodeName());
        cert.ifPresent(c -> {
            fs.write("/etc/pve/nodes/" + m.nodeName() + "/pve-ssl.pem", c.pem());
            fs.write("/etc/pve/local/pve-ssl.pem", c.pem());
        });
        p.corosync().ifPresent(c -> {
            fs.write("/etc/pve/corosync.conf", c.render());
            fs.write("/etc/corosync/corosync.conf", c.render());
            fs.write("/etc/corosync/authkey", "(binary corosync key)\n");
        });
        for (SimVm vm : p.vms()) {
            fs.write(
                    "/etc/pve/nodes/" + vm.node() + "/qemu-server/" + vm.vmid() + ".conf",
                    vm.withConfig(VmConfig::render));
        }
    }
}
