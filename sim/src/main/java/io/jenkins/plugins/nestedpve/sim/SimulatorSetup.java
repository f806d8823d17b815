package io.jenkins.plugins.nestedpve.sim;

import io.jenkins.plugins.nestedpve.sim.model.Hardware;
import io.jenkins.plugins.nestedpve.sim.model.Installer;
import io.jenkins.plugins.nestedpve.sim.model.MachineFiles;
import io.jenkins.plugins.nestedpve.sim.model.OsImage;
import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import io.jenkins.plugins.nestedpve.sim.model.PveVersion;
import io.jenkins.plugins.nestedpve.sim.model.SimEnv;
import io.jenkins.plugins.nestedpve.sim.model.SimVm;
import io.jenkins.plugins.nestedpve.sim.model.UserDb;
import io.jenkins.plugins.nestedpve.sim.model.VmConfig;
import java.time.Duration;
import java.util.Locale;

/** Installs the physical host and its guest templates for a {@link Simulator}. */
final class SimulatorSetup {
    /** Host part of a template's install-time address (outside both pools). */
    private static final int TEMPLATE_HOST_PART = 9;

    private SimulatorSetup() {}

    static OsImage hostImage(SimEnv env, Simulator.Builder b, String ip) {
        return hostImage(env, b, b.hostName, ip);
    }

    /** A physical node named {@code name}: the host itself or another node of its physical cluster. */
    static OsImage hostImage(SimEnv env, Simulator.Builder b, String name, String ip) {
        Hardware hw = new Hardware(b.vendor, true, b.hostCpus, b.hostMemoryGiB * 1024L * 1024L * 1024L);
        OsImage img = Installer.install(
                env, new Installer.Spec(name, ip, PveVersion.of(b.hostRelease), b.hostRootPassword, hw, b.hostNesting));
        MachineFiles.installNestingOption(img.fs(), b.vendor, b.hostNesting);
        return img;
    }

    /** Creates ci@pve with the practical role set of pve-facts §8 and its privsep token. */
    static String ciToken(UserDb users, String user, String tokenid) {
        users.addUser(user);
        String secret = users.addToken(user, tokenid, true, 0, "nested-pve CI");
        String token = user + "!" + tokenid;
        for (String ugid : new String[] {user, token}) {
            users.grant("/vms", ugid, "PVEVMAdmin", true);
            users.grant("/storage", ugid, "PVEDatastoreUser", true);
            users.grant("/sdn/zones/localnetwork", ugid, "PVESDNUser", true);
            users.grant("/", ugid, "PVEAuditor", true);
            users.grant("/pool", ugid, "PVEPoolAdmin", true); // the room line (nestedpve-room-* pools)
        }
        return secret;
    }

    /** A template VM on the host whose disk holds a fresh PVE installation. */
    static SimVm template(SimEnv env, PveMachine host, TemplateSpec spec, Simulator.Builder b) {
        return template(env, host, spec, spec.vmid(), b);
    }

    /**
     * A template VM with {@code id} on {@code host}; its disks on the builder's shared storage when
     * there is one, else on {@code local-lvm}.
     */
    static SimVm template(SimEnv env, PveMachine host, TemplateSpec spec, int id, Simulator.Builder b) {
        String sid = b.sharedStorage != null ? b.sharedStorage : "local-lvm";
        PveVersion v = PveVersion.of(spec.release());
        String ip = env.lan().address(TEMPLATE_HOST_PART);
        Hardware hw = new Hardware(b.vendor, false, 2, 4096L * 1024 * 1024);
        OsImage img = Installer.install(env, new Installer.Spec(spec.name(), ip, v, b.guestRootPassword, hw, true));
        VmConfig c = new VmConfig();
        c.set("agent", "1");
        c.set("boot", "order=scsi0;ide2;net0");
        c.set("cores", "2");
        c.set("cpu", "x86-64-v2-AES");
        c.set("ide2", sid + ":vm-" + id + "-cloudinit,media=cdrom");
        c.set("ipconfig0", "ip=dhcp");
        c.set("memory", "4096");
        c.set(
                "meta",
                "creation-qemu=9.2.0,ctime="
                        + env.clock().instant().minus(Duration.ofDays(30)).getEpochSecond());
        c.set("name", spec.name());
        c.set("net0", "virtio=" + mac(env) + ",bridge=vmbr0");
        c.set("ostype", "l26");
        c.set("scsi0", sid + ":base-" + id + "-disk-0,size=32G");
        c.set("scsihw", "virtio-scsi-single");
        c.set(
                "smbios1",
                "uuid="
                        + new java.util.UUID(
                                env.random().nextLong(), env.random().nextLong()));
        c.set("template", "1");
        c.set("description", "PVE " + v.version() + " guest template (simulated)");
        SimVm vm = new SimVm(id, host.nodeName(), c, env.clock().instant().minus(Duration.ofDays(30)));
        vm.setImage(img);
        if (!host.pmxcfs().addVm(vm)) {
            throw new IllegalArgumentException("template vmid " + id + " is used twice");
        }
        return vm;
    }

    private static String mac(SimEnv env) {
        return String.format(
                Locale.ROOT,
                "BC:24:11:%02X:%02X:%02X",
                env.random().nextInt(256),
                env.random().nextInt(256),
                env.random().nextInt(256));
    }
}
