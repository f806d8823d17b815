package io.jenkins.plugins.nestedpve.provision;

import io.jenkins.plugins.nestedpve.NestedPveException;
import io.jenkins.plugins.nestedpve.cluster.OwnershipMarker;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.pve.NetConfig;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.ReconciledWrites;
import io.jenkins.plugins.nestedpve.pve.VmConfig;
import io.jenkins.plugins.nestedpve.spec.Addressing;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The boot phase of one guest (CONFIGURE, then START), giving a {@link BootedGuest}: the clone gets
 * CPU type {@code host} (passes vmx/svm through, pve-facts §6), the spec's cores, memory, bridge and
 * VLAN, the guest agent, the ownership tag and, with static addressing, its cloud-init address in
 * one {@code POST …/config}; then it is started.
 */
final class BootPhase {
    /** How often one start is sent again after it was shown not to have happened. */
    private static final int START_RESENDS = 2;

    /** How often the config change is sent again after it was shown not to have happened (a 503 or a failed task). */
    private static final int CONFIG_RESENDS = 3;

    private final RunContext run;
    private final ClusterSpec spec;
    private final PveClient host;
    private final int templateVmid;

    BootPhase(RunContext run, ClusterSpec spec, Validated validated) {
        this.run = run;
        this.spec = spec;
        this.host = validated.host();
        this.templateVmid = validated.environment().templateVmid();
    }

    BootedGuest run(ClonedGuest guest) {
        run.phases().run(Phase.CONFIGURE, guest.name(), () -> configure(guest));
        run.phases().run(Phase.START, guest.name(), () -> start(guest));
        return new BootedGuest(guest);
    }

    private void configure(ClonedGuest guest) throws InterruptedException {
        VmConfig current = host.vmConfig(guest.hostNode(), guest.vmid());
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("cpu", "host");
        changes.put("cores", spec.cores());
        changes.put("memory", spec.memoryMiB());
        changes.put("net0", net0(current));
        changes.put("agent", "1");
        changes.put("tags", OwnershipMarker.withTag(String.join(";", current.tags())));
        if (spec.addressing() instanceof Addressing.StaticPool pool) {
            requireCloudInitDrive(current);
            changes.put("ipconfig0", pool.ipconfig(guest.slot().staticAddress(pool, spec.nodes())));
            pool.nameserverIfSet().ifPresent(ns -> changes.put("nameserver", ns));
        }
        writes(guest, Phase.CONFIGURE, CONFIG_RESENDS)
                .updateVmConfig(
                        guest.hostNode(),
                        guest.vmid(),
                        changes,
                        current.digest().orElse(null),
                        run.deadline(spec.timeouts().command()),
                        upid -> run.footprint().task(guest.slot().index(), guest.name(), upid));
    }

    /** Writes of {@code guest} decided by the VM's state after an unknown outcome, each decision reported. */
    private ReconciledWrites writes(ClonedGuest guest, Phase phase, int resends) {
        return run.writes(host, resends, phase, guest.name(), "");
    }

    /** net0 on the spec's bridge and VLAN, keeping the clone's model and new MAC. */
    private String net0(VmConfig current) {
        Optional<NetConfig> net = current.net(0);
        StringBuilder v = new StringBuilder(net.map(NetConfig::model).orElse("virtio"));
        net.flatMap(NetConfig::macAddress).ifPresent(mac -> v.append('=').append(mac));
        v.append(",bridge=").append(spec.bridge());
        spec.vlanTag().ifPresent(tag -> v.append(",tag=").append(tag));
        net.ifPresent(n -> n.options().forEach((k, val) -> {
            if (!k.equals("bridge") && !k.equals("tag") && !k.equals("macaddr") && !k.equals("model")) {
                v.append(',').append(k).append('=').append(val);
            }
        }));
        return v.toString();
    }

    private void requireCloudInitDrive(VmConfig current) {
        boolean drive = current.raw().values().stream().anyMatch(v -> v.contains("cloudinit"));
        if (!drive) {
            throw new NestedPveException("static addressing needs a cloud-init drive in template "
                    + templateVmid + ", which has none — add one with 'qm set "
                    + templateVmid + " --ide2 <storage>:cloudinit' or use DHCP addressing");
        }
    }

    /**
     * Starts the guest; a start whose answer was lost or whose task failed is decided by the VM's state
     * ({@link ReconciledWrites}), and each such decision is reported as an absorbed fault.
     */
    private void start(ClonedGuest guest) throws InterruptedException {
        writes(guest, Phase.START, START_RESENDS)
                .startVm(
                        guest.hostNode(),
                        guest.vmid(),
                        run.deadline(spec.timeouts().boot()),
                        upid -> run.footprint().task(guest.slot().index(), guest.name(), upid));
    }
}
