package io.jenkins.plugins.nestedpve.sim.model;

import io.jenkins.plugins.nestedpve.sim.LatencyProfile.Step;
import io.jenkins.plugins.nestedpve.sim.http.AuthBackend;
import io.jenkins.plugins.nestedpve.sim.http.Principal;
import io.jenkins.plugins.nestedpve.sim.shell.MachineHooks;
import io.jenkins.plugins.nestedpve.sim.shell.VirtualFs;
import io.jenkins.plugins.nestedpve.sim.tls.TlsIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One PVE installation: the physical host or a guest running in a VM. Its machine-local state
 * lives in its {@link VirtualFs}; {@code /etc/pve} is its {@link Pmxcfs} (replaced by a join). The
 * node name is what {@code /etc/hostname} said when the PVE services last started.
 */
public final class PveMachine implements AuthBackend, MachineHooks, AutoCloseable {
    private final SimEnv env;
    private final OsImage image;
    private final SimVm vm;
    private final PveMachine host;
    private final FileLocks locks;
    private final TaskRegistry tasks;
    private final VmService vms;
    private final ClusterService cluster;
    private final NodeServers servers;
    private volatile Hardware hardware;
    private volatile String nodeName;
    private volatile String ip;
    private volatile boolean up;
    private volatile Instant bootedAt;
    /** The kernel booted last ({@code uname -r}); the newest installed one runs only after a reboot. */
    private volatile String runningKernel;
    /** What pveproxy loaded when it last started; {@code null} before the first boot. */
    private volatile TlsIdentity served;

    private PveMachine(SimEnv env, OsImage image, Hardware hw, SimVm vm, PveMachine host, NodeServers.Factory f) {
        this.env = env;
        this.image = image;
        this.hardware = hw;
        this.vm = vm;
        this.host = host;
        this.locks = new FileLocks(env.scheduler());
        this.tasks = new TaskRegistry(env);
        this.vms = new VmService(this);
        this.cluster = new ClusterService(this);
        this.nodeName = MachineFiles.hostname(image.fs()).orElse("pve");
        this.servers = f.create(this);
    }

    /** The physical host (not yet booted). */
    public static PveMachine physical(SimEnv env, OsImage image, Hardware hw, NodeServers.Factory f) {
        return new PveMachine(env, image, hw, null, null, f);
    }

    /** The PVE guest inside {@code vm} on {@code host} (not yet booted). */
    public static PveMachine guest(SimEnv env, SimVm vm, PveMachine host, Hardware hw, NodeServers.Factory f) {
        return new PveMachine(env, vm.image(), hw, vm, host, f);
    }

    // ---- lifecycle -------------------------------------------------------------------------

    /** Boots on {@code address}: PVE services read the hostname, ensure a node certificate, bind. */
    public synchronized void boot(String address) throws IOException {
        this.ip = address;
        this.nodeName = MachineFiles.hostname(fs()).orElse(nodeName);
        runningKernel = version().kernel();
        MachineFiles.writeKernel(fs(), runningKernel);
        MachineFiles.writeBootId(fs(), env.random());
        MachineFiles.writeAddresses(fs(), address, vm == null ? null : ConfigValues.macOf(vm.get("net0")));
        // pveupdate at boot may renew the certificate (pve-facts §13.4); only when the fault asks for it
        served = ensureCertificate(env.faults().upgrade().takeCertRenewal(nodeName));
        env.lan().attach(address, this);
        try {
            servers.start(address);
        } catch (IOException | RuntimeException e) {
            env.lan().detach(address, this);
            throw e;
        }
        bootedAt = env.clock().instant();
        up = true;
    }

    /** Powers off: servers unbound, address released. */
    public synchronized void powerOff() {
        up = false;
        servers.close();
        if (ip != null) {
            env.lan().detach(ip, this);
        }
    }

    @Override
    public void close() {
        powerOff();
    }

    // ---- identity and state ----------------------------------------------------------------

    public SimEnv env() {
        return env;
    }

    public VirtualFs fs() {
        return image.fs();
    }

    public OsImage image() {
        return image;
    }

    /** The current {@code /etc/pve}. */
    public Pmxcfs pmxcfs() {
        return image.pmxcfs();
    }

    public PveVersion version() {
        return image.version();
    }

    /** {@code uname -r}: the kernel booted last (a newly installed kernel runs after the next reboot). */
    public String runningKernel() {
        String k = runningKernel;
        return k != null ? k : version().kernel();
    }

    public Privileges privileges() {
        return new Privileges(version().release());
    }

    public Hardware hardware() {
        return hardware;
    }

    public void setHardware(Hardware hw) {
        this.hardware = hw;
    }

    public String nodeName() {
        return nodeName;
    }

    public String ip() {
        return ip;
    }

    public boolean isUp() {
        return up;
    }

    public boolean isPhysical() {
        return vm == null;
    }

    /** The VM this guest runs in, or empty for the physical host. */
    public Optional<SimVm> vm() {
        return Optional.ofNullable(vm);
    }

    /** The machine hosting this guest, or empty for the physical host. */
    public Optional<PveMachine> host() {
        return Optional.ofNullable(host);
    }

    public Instant bootedAt() {
        return bootedAt;
    }

    public FileLocks locks() {
        return locks;
    }

    public TaskRegistry tasks() {
        return tasks;
    }

    public VmService vms() {
        return vms;
    }

    public ClusterService cluster() {
        return cluster;
    }

    public NodeServers servers() {
        return servers;
    }

    /**
     * The certificate pveproxy serves: the one it loaded when it last started. A certificate written
     * later (by {@code pvecm updatecerts}) is served only after pveproxy restarts, as in PVE.
     */
    public TlsIdentity servedCertificate() {
        TlsIdentity s = served;
        return s != null ? s : pmxcfs().nodeCert(nodeName).orElseGet(() -> ensureCertificate(false));
    }

    /** VMs whose config lives on this node. */
    public List<SimVm> localVms() {
        return pmxcfs().vms().stream().filter(v -> v.node().equals(nodeName)).toList();
    }

    // ---- certificates and services ---------------------------------------------------------

    /**
     * What {@code pvecm updatecerts} does (also run before pveproxy starts): pick up a new hostname
     * as node name and write the node certificate when missing, or always with {@code force}. The
     * running pveproxy keeps serving what it loaded (see {@link #reloadProxy()}).
     */
    public synchronized TlsIdentity ensureCertificate(boolean force) {
        this.nodeName = MachineFiles.hostname(fs()).orElse(nodeName);
        Optional<TlsIdentity> have = pmxcfs().nodeCert(nodeName);
        TlsIdentity id;
        if (have.isPresent() && !force) {
            id = have.get();
        } else {
            id = issueCertificate();
            pmxcfs().putNodeCert(nodeName, id);
        }
        EtcPve.mirror(this);
        return id;
    }

    /** The PVE services re-read the hostname as node name. */
    private synchronized void pickUpHostname() {
        this.nodeName = MachineFiles.hostname(fs()).orElse(nodeName);
        EtcPve.mirror(this);
    }

    /**
     * pveproxy (re)starts: its ExecStartPre runs {@code pvecm updatecerts --silent}, then it loads
     * and serves the node certificate (pve-manager:services/pveproxy.service).
     */
    public synchronized TlsIdentity reloadProxy() {
        TlsIdentity id = ensureCertificate(false);
        served = id;
        if (up) {
            servers.setTls(id);
        }
        return id;
    }

    private TlsIdentity issueCertificate() {
        try {
            InetAddress addr = InetAddress.getByName(ip == null ? "127.0.0.1" : ip);
            return pmxcfs().ca()
                    .issue(nodeName, MachineFiles.DOMAIN, addr, env.keys().next());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Takes the API away for {@code step}'s duration, as a pveproxy restart does. */
    public void dropApi(Step step) {
        servers.setApiAvailable(false);
        env.schedule(step, () -> servers.setApiAvailable(true));
    }

    @Override
    public int runningVmCount() {
        return (int) localVms().stream().filter(SimVm::running).count();
    }

    @Override
    public void reboot() {
        if (vm != null && host != null) {
            host.vms().guestReboot(vm);
        } else {
            rebootPhysical();
        }
    }

    /**
     * The host goes down (its VMs with it, no onboot handling simulated; API and SSH away) and comes
     * back with the kvm modules loaded from modprobe.d and the PVE services re-reading the hostname.
     */
    private void rebootPhysical() {
        String address = ip;
        env.scheduler().execute(() -> {
            for (SimVm v : localVms()) {
                if (v.running()) {
                    vms.power().guests().onStopping(v);
                    v.markStopped();
                }
            }
            powerOff();
        });
        env.schedule(Step.REBOOT, () -> {
            MachineFiles.installHardware(fs(), hardware);
            try {
                boot(address);
            } catch (IOException | RuntimeException e) {
                // the address was taken meanwhile: the host stays down, as a real one would be unreachable
            }
        });
    }

    @Override
    public void restartService(String name) {
        String unit = name.endsWith(".service") ? name.substring(0, name.length() - 8) : name;
        switch (unit) {
            case "pveproxy" -> {
                reloadProxy();
                servers.reloadSchema();
                dropApi(Step.SERVICE_RESTART);
            }
            case "pve-cluster" -> {
                // pmxcfs takes the node name from the hostname when it starts; it writes no
                // certificate (pve-cluster:debian/pve-cluster.service has no updatecerts step)
                pickUpHostname();
                dropApi(Step.SERVICE_RESTART);
            }
            case "pvedaemon", "pvestatd" -> dropApi(Step.SERVICE_RESTART);
            case "ssh", "sshd" -> servers.restartSsh();
            default -> {
                // other units have no simulated effect
            }
        }
    }

    // ---- AuthBackend -----------------------------------------------------------------------

    @Override
    public Optional<Principal> verifyToken(String userid, String tokenid, String secret) {
        long now = env.clock().instant().getEpochSecond();
        return pmxcfs().users()
                .verifyToken(userid, tokenid, secret, now)
                .map(t -> new Principal(t.userid(), t.tokenid()));
    }

    @Override
    public boolean verifyPassword(String userid, String password) {
        if (!"root@pam".equals(userid) || password == null) {
            return false;
        }
        return io.jenkins.plugins.nestedpve.sim.shell.Shadow.verify(fs(), "root", password);
    }

    @Override
    public Set<String> privilegeNames() {
        return privileges().all();
    }

    @Override
    public byte[] authKey() {
        return pmxcfs().authKey();
    }

    @Override
    public String clusterName() {
        return pmxcfs().clusterName().orElse(null);
    }

    @Override
    public boolean hasPrivilege(Principal who, String path, String privilege) {
        return pmxcfs().users().privilegesOn(who, path).contains(privilege);
    }

    @Override
    public String toString() {
        return "PveMachine[" + nodeName + " " + ip + (isPhysical() ? " physical" : " guest of VM " + vm.vmid()) + "]";
    }
}
