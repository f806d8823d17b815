package io.jenkins.plugins.nestedpve.sim.model;

import io.jenkins.plugins.nestedpve.sim.LatencyProfile.Step;
import io.jenkins.plugins.nestedpve.sim.shell.VirtualFs;
import java.io.IOException;
import java.util.List;

/**
 * Brings the PVE installation inside a VM up and down: after the boot delay the guest answers on
 * its own address (the cloud-init static {@code ipconfig0} address, else a DHCP lease for net0's
 * MAC) with its own API and SSH, and its agent answers (over virtio-serial, so also when that address
 * cannot be reached). It sees {@code vmx}/{@code svm} only when
 * the host's kvm module nests and the VM has {@code cpu: host} (or {@code flags=+nested-virt} on a
 * 9.1 host) (pve-facts §6).
 */
public final class GuestLauncher {
    private final PveMachine host;

    GuestLauncher(PveMachine host) {
        this.host = host;
    }

    /** Called when a VM has started: schedules its guest OS boot. */
    void onStarted(SimVm vm, int boot, SimTask task) {
        if (vm.image() == null) {
            return;
        }
        if (host.env().faults().guestNeverBoots(vm.vmid(), Integer.toString(boot))) {
            return;
        }
        host.env().schedule(Step.GUEST_BOOT, () -> bootIfCurrent(vm, boot));
    }

    /** Called before a VM stops: its guest goes away, and with it the guests running inside it. */
    void onStopping(SimVm vm) {
        vm.setAgentUp(false);
        PveMachine g = vm.guest();
        if (g != null) {
            for (SimVm inner : g.localVms()) {
                if (inner.running()) {
                    g.vms().power().guests().onStopping(inner);
                    inner.markStopped();
                }
            }
            g.powerOff();
        }
    }

    /** A reboot from inside the guest: the OS goes down and comes back; pending changes stay pending. */
    void guestReboot(SimVm vm) {
        int boot = vm.bootCount();
        // the reboot command returns first; the OS goes down right after (its SSH session drops)
        host.env().scheduler().execute(() -> onStopping(vm));
        host.env().schedule(Step.REBOOT, () -> bootIfCurrent(vm, boot));
    }

    /** A hard reset: the guest OS is gone at once and boots again like after a start. */
    void reset(SimVm vm) {
        int boot = vm.bootCount();
        onStopping(vm);
        if (vm.image() != null) {
            host.env().schedule(Step.GUEST_BOOT, () -> bootIfCurrent(vm, boot));
        }
    }

    private void bootIfCurrent(SimVm vm, int boot) {
        if (!vm.running()
                || vm.bootCount() != boot
                || host.pmxcfs().vm(vm.vmid()).isEmpty()) {
            return;
        }
        String ip = address(vm);
        Hardware hw = hardware(vm);
        PveMachine g = vm.guest();
        if (g != null
                && !g.runningKernel().equals(g.version().kernel())
                && host.env().faults().upgrade().takeNoReturn(g.nodeName())) {
            // the first boot of the upgraded system hangs (fault): no SSH, no API, no agent
            return;
        }
        if (g == null) {
            g = PveMachine.guest(host.env(), vm, host, hw, host.env().serversFactory());
            vm.setGuest(g);
        }
        g.setHardware(hw);
        VirtualFs fs = g.fs();
        MachineFiles.installHardware(fs, hw);
        if (ip != null) {
            MachineFiles.writeInterfaces(fs, ip);
            applyCloudInit(vm, fs);
            try {
                g.boot(ip);
            } catch (IOException | RuntimeException e) {
                // an address the simulator cannot bind (outside its loopback block, or taken by another
                // guest): the guest is unreachable over the network, yet its OS runs and its agent, which
                // talks over virtio-serial, answers and reports the configured address
            }
        }
        String bootKey = Integer.toString(boot);
        if (host.env().faults().agentNeverUp(vm.vmid(), bootKey)) {
            vm.setAgentUp(false);
        } else if (host.env().faults().agentLate(vm.vmid(), bootKey)) {
            // the agent service starts late (a slow first boot): it answers one boot time later
            host.env().schedule(Step.GUEST_BOOT, () -> {
                if (vm.running() && vm.bootCount() == boot) {
                    vm.setAgentUp(true);
                }
            });
        } else {
            vm.setAgentUp(true);
        }
    }

    /** The guest's address: cloud-init static ip when a cloud-init drive exists, else DHCP. */
    public String address(SimVm vm) {
        boolean ci = vm.currentConfig().values().stream().anyMatch(ConfigValues::isCloudinit);
        String ipcfg = vm.get("ipconfig0");
        if (ci && ipcfg != null) {
            String ip = ConfigValues.option(ipcfg, "ip");
            if (ip != null && !ip.equals("dhcp")) {
                return ip.contains("/") ? ip.substring(0, ip.indexOf('/')) : ip;
            }
        }
        String mac = ConfigValues.macOf(vm.get("net0"));
        return mac == null ? null : host.env().lan().lease(mac);
    }

    /** The virtual hardware the VM's config gives its guest on this host. */
    Hardware hardware(SimVm vm) {
        Hardware h = host.hardware();
        boolean hostNests = host.fs().exists("/dev/kvm") && MachineFiles.nestedOn(host.fs(), h.vendor());
        String cpu = vm.get("cpu");
        String type = cpu == null ? "kvm64" : cpu.split(",")[0].replace("cputype=", "");
        String flags = ConfigValues.option(cpu, "flags");
        boolean nestedVirt = flags != null
                && List.of(flags.split(";")).contains("+nested-virt")
                && host.version().major() >= 9;
        boolean passthrough = type.equals("host") || nestedVirt;
        boolean virt = hostNests && passthrough && !"0".equals(vm.get("kvm"));
        int cores = intOr(vm.get("cores"), 1) * intOr(vm.get("sockets"), 1);
        return new Hardware(h.vendor(), virt, cores, memoryMiB(vm.get("memory")) * 1024L * 1024L);
    }

    private void applyCloudInit(SimVm vm, VirtualFs fs) {
        if (vm.currentConfig().values().stream().noneMatch(ConfigValues::isCloudinit)) {
            return;
        }
        String keys = vm.get("sshkeys");
        if (keys != null) {
            fs.write("/root/.ssh/authorized_keys", String.join("\n", ConfigValues.decodeSshkeys(keys)) + "\n");
        }
        String pw = vm.get("cipassword");
        if (pw != null) {
            io.jenkins.plugins.nestedpve.sim.shell.Shadow.setHash(
                    fs, "root", pw, host.env().clock());
        }
    }

    /** Memory in MiB of a config's {@code memory} value (default 512). */
    public static long memoryMiB(String memory) {
        if (memory == null) {
            return 512;
        }
        String v = memory.startsWith("current=") ? memory.substring(8) : memory.split(",")[0];
        return intOr(v, 512);
    }

    private static int intOr(String v, int dflt) {
        try {
            return v == null ? dflt : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }
}
