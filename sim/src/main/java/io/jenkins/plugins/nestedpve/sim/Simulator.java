package io.jenkins.plugins.nestedpve.sim;

import io.jenkins.plugins.nestedpve.sim.http.RequestLog;
import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import io.jenkins.plugins.nestedpve.sim.model.SimEnv;
import io.jenkins.plugins.nestedpve.sim.model.SimVm;
import io.jenkins.plugins.nestedpve.sim.shell.HostKeys;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * A simulated physical PVE host with PVE guest templates, behind real HTTPS (and SSH), on its own
 * loopback block {@code 127.77.N.0/24}: the host at {@code .1}, guests from DHCP {@code .100-.199}
 * or static cloud-init addresses {@code .10-.99}. Guests cloned from a template and started become
 * PVE nodes with their own API and SSH. {@link #close()} stops everything; twice is harmless.
 *
 * <pre>{@code
 * try (Simulator sim = Simulator.builder().latencyScale(0.001).start()) {
 *     client = new PveClient(sim.apiUrl(), sim.fingerprint(), sim.tokenId(), sim.tokenSecret());
 * }
 * }</pre>
 */
public final class Simulator implements AutoCloseable {
    private final Builder config;
    private final SimEnv env;
    private final PveMachine host;
    private final List<PveMachine> physical;
    private final RequestLog log;
    private final Credentials credentials;
    private final AutoCloseable shells;
    private boolean closed;

    Simulator(
            Builder config,
            SimEnv env,
            PveMachine host,
            List<PveMachine> physical,
            RequestLog log,
            Credentials credentials,
            AutoCloseable shells) {
        this.config = config;
        this.env = env;
        this.host = host;
        this.physical = List.copyOf(physical);
        this.log = log;
        this.credentials = credentials;
        this.shells = shells;
    }

    /** Secrets minted at start. */
    record Credentials(String tokenSecret, String rootTokenSecret) {
        @Override
        public String toString() {
            return "Credentials[****]";
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts a simulator and prints its coordinates; runs until the JVM is stopped (Ctrl-C). */
    public static void main(String[] args) throws Exception {
        Simulator sim = StandaloneMain.start(args, System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "pve-sim-shutdown"));
        new java.util.concurrent.CountDownLatch(1).await();
    }

    // ---- coordinates and credentials -------------------------------------------------------

    /** {@code https://127.77.N.1:<port>} (append {@code /api2/json/...} for calls). */
    public String apiUrl() {
        return "https://" + host.ip() + ":" + host.servers().apiPort();
    }

    /** {@code https://127.77.N.1:<port>/api2/json}. */
    public URI apiBase() {
        return URI.create(apiUrl() + "/api2/json");
    }

    /** SHA-256 fingerprint of the certificate the host's API serves (upper-case, colon-separated). */
    public String fingerprint() {
        return host.servedCertificate().fingerprint();
    }

    /** The host's node name (default {@code pve}). */
    public String hostNode() {
        return host.nodeName();
    }

    /** The host's address, {@code 127.77.N.1}. */
    public String hostAddress() {
        return host.ip();
    }

    /** The API token id on the host: {@code ci@pve!nested}. */
    public String tokenId() {
        return config.tokenUser + "!" + config.tokenName;
    }

    /** The token's secret (a UUID). */
    public String tokenSecret() {
        return credentials.tokenSecret();
    }

    /** The {@code Authorization} header value for the token. */
    public String tokenAuthorization() {
        return "PVEAPIToken=" + tokenId() + "=" + tokenSecret();
    }

    /** {@code root@pam!sim} (privsep=0) when {@link Builder#rootToken} was asked for. */
    public Optional<String> rootTokenId() {
        return Optional.ofNullable(credentials.rootTokenSecret()).map(s -> "root@pam!sim");
    }

    public Optional<String> rootTokenSecret() {
        return Optional.ofNullable(credentials.rootTokenSecret());
    }

    /** root's password on the physical host (root@pam tickets, SSH). */
    public String hostRootPassword() {
        return config.hostRootPassword;
    }

    /** root's password inside the templates (hence every fresh guest). */
    public String guestRootPassword() {
        return config.guestRootPassword;
    }

    /** The host's SSH port (on {@link #hostAddress()}). */
    public int hostSshPort() {
        return host.servers().sshPort();
    }

    /** The SSH port every guest listens on. */
    public int guestSshPort() {
        return config.sshPort;
    }

    /** The API port every machine listens on. */
    public int apiPort() {
        return host.servers().apiPort();
    }

    public List<TemplateSpec> templates() {
        return List.copyOf(config.templates);
    }

    /** The first (default) template. */
    public TemplateSpec template() {
        return config.templates.get(0);
    }

    /** N of the loopback block 127.77.N.0/24. */
    public int loopbackBlock() {
        return env.lan().block();
    }

    /** Static addresses free for {@code ipconfig0} ({@code .10-.99} of the block). */
    public List<String> staticAddresses() {
        return env.lan().staticPool();
    }

    /**
     * The OpenSSH fingerprint ({@code SHA256:...}) of the host's ed25519 SSH host key, for pinning;
     * read from the host's {@code /etc/ssh/ssh_host_ed25519_key} now, so it follows key changes.
     *
     * @throws IllegalStateException when the host has no ed25519 key (the simulator runs without SSH)
     */
    public String hostSshFingerprint() {
        String fp = HostKeys.fingerprints(host.fs()).get("ed25519");
        if (fp == null) {
            throw new IllegalStateException(
                    "the simulated host has no ed25519 SSH host key; build the simulator with ssh(true)");
        }
        return fp;
    }

    /** The VMID range the tool should use (a hint; PVE's nextid still starts at 100). */
    public int[] vmidRange() {
        return new int[] {config.vmidLow, config.vmidHigh};
    }

    // ---- waiting (tests) -------------------------------------------------------------------

    /** Waits until the task with {@code upid} (on any machine) stops; returns its exit status. */
    public String awaitTask(String upid, Duration timeout) throws InterruptedException {
        return new Awaits(env).awaitTask(host, upid, timeout);
    }

    /** Waits until VM {@code vmid} runs a booted PVE guest (API, SSH and agent up); returns it. */
    public PveMachine awaitGuest(int vmid, Duration timeout) throws InterruptedException {
        return new Awaits(env).awaitGuest(host, vmid, timeout);
    }

    /** Waits until {@code condition} holds, checking on the simulation's scheduler (no sleeping). */
    public void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        new Awaits(env).await(condition, timeout, what);
    }

    // ---- inspection ------------------------------------------------------------------------

    public PveMachine host() {
        return host;
    }

    /** The nodes of the physical cluster, the host first (just the host by default). */
    public List<PveMachine> physicalNodes() {
        return physical;
    }

    /** The physical node named {@code name}. */
    public PveMachine physicalNode(String name) {
        return physical.stream()
                .filter(m -> m.nodeName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no physical node " + name));
    }

    /** VMs on every node of the physical cluster (templates included). */
    public List<SimVm> allVms() {
        return host.pmxcfs().vms().stream().filter(v -> !v.isContainer()).toList();
    }

    /** VMs on the host (templates included). */
    public List<SimVm> vms() {
        return host.localVms();
    }

    public Optional<SimVm> vm(int vmid) {
        return host.pmxcfs().vm(vmid);
    }

    public Set<Integer> runningVmIds() {
        Set<Integer> ids = new TreeSet<>();
        host.localVms().stream().filter(SimVm::running).forEach(v -> ids.add(v.vmid()));
        return ids;
    }

    /** Guest machines that are up. */
    public List<PveMachine> guests() {
        List<PveMachine> out = new ArrayList<>();
        for (PveMachine m : env.lan().machines()) {
            if (!m.isPhysical() && m.isUp()) {
                out.add(m);
            }
        }
        return out;
    }

    /** The served certificate fingerprint of the machine answering on {@code ip}, if any. */
    public Optional<String> fingerprint(String ip) {
        return machine(ip).map(m -> m.servedCertificate().fingerprint());
    }

    /** The SSH port of the machine answering on {@code ip}, if any. */
    public Optional<Integer> sshPort(String ip) {
        return machine(ip).map(m -> m.servers().sshPort());
    }

    /** The machine answering on {@code ip}. */
    public Optional<PveMachine> machine(String ip) {
        return env.lan().machine(ip);
    }

    public FaultPlan faults() {
        return env.faults();
    }

    public LatencyProfile latency() {
        return env.latency();
    }

    public Clock clock() {
        return env.clock();
    }

    /** Every API request of every machine, newest last. */
    public RequestLog requestLog() {
        return log;
    }

    /**
     * Simulated time: real time with every latency the simulator injected at its realistic length
     * (see {@link io.jenkins.plugins.nestedpve.sim.model.InjectedLatency}); what a run would take on
     * real hardware.
     */
    public Clock simulatedClock() {
        return env.injected().clock(env.clock().instant());
    }

    /** Shared simulation services (scheduler, LAN). */
    public SimEnv env() {
        return env;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (SimVm vm : host.pmxcfs().vms()) {
            PveMachine g = vm.guest();
            if (g != null) {
                g.close();
            }
        }
        for (PveMachine m : physical) {
            m.close();
        }
        try {
            shells.close();
        } catch (Exception e) {
            // closing shells only stops background jobs; nothing to report
        }
        env.close();
        log.close();
    }

    @Override
    public String toString() {
        return "Simulator[" + apiUrl() + ", node " + hostNode() + "]";
    }

    /** Options of a simulator; {@link #start()} validates and starts it. */
    public static final class Builder {
        CpuVendor vendor = CpuVendor.INTEL;
        boolean hostNesting = true;
        int hostMemoryGiB = 128;
        int hostCpus = 32;
        String hostRelease = "9.1";
        String hostName = "pve";
        final List<TemplateSpec> templates = new ArrayList<>();
        LatencyProfile latency = LatencyProfile.realistic();
        FaultPlan faults = FaultPlan.none();
        Path requestLog;
        Clock clock = Clock.systemUTC();
        int apiPort = 8006;
        int sshPort = 2222;
        String hostRootPassword;
        String guestRootPassword;
        String tokenUser = "ci@pve";
        String tokenName = "nested";
        boolean rootToken;
        int vmidLow = 100;
        int vmidHigh = 999_999_999;
        Integer block;
        int dhcpPoolSize = 100;
        boolean ssh = true;
        int physicalNodes = 1;
        String physicalClusterName = "lab";
        String sharedStorage;
        boolean templatesOnEveryNode;

        Builder() {}

        /**
         * The number of nodes of the host's physical PVE cluster (default 1: a standalone host). The
         * others are named {@code <hostName>2}, {@code <hostName>3}, ... on {@code .2}, {@code .3},
         * ..., each with the host's memory and CPUs and its own {@code local-lvm}; they share one
         * /etc/pve (users, tokens, VM configs).
         */
        public Builder physicalNodes(int n) {
            if (n < 1 || n > 8) {
                throw new IllegalArgumentException("physicalNodes must be 1..8, got " + n);
            }
            this.physicalNodes = n;
            return this;
        }

        /** The name of the physical cluster (default {@code lab}); only with more than one node. */
        public Builder physicalClusterName(String name) {
            this.physicalClusterName = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Adds a shared RBD storage {@code id} to every node and puts the templates' disks (and
         * cloud-init drives) on it, so that linked clones may go to any node (default: none; the
         * templates live on {@code local-lvm}).
         */
        public Builder sharedStorage(String id) {
            this.sharedStorage = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * Installs each template on every node (VMID + 1000 per node after the first, same name), as
         * clusters without shared storage do (default off: templates only on the host).
         */
        public Builder templatesOnEveryNode(boolean on) {
            this.templatesOnEveryNode = on;
            return this;
        }

        /** CPU vendor of the host (default INTEL). */
        public Builder cpuVendor(CpuVendor v) {
            this.vendor = Objects.requireNonNull(v, "vendor");
            return this;
        }

        /** Whether the host's kvm module nests (default on; off writes {@code nested=N|0} to modprobe.d). */
        public Builder hostNesting(boolean on) {
            this.hostNesting = on;
            return this;
        }

        public Builder hostMemoryGiB(int gib) {
            this.hostMemoryGiB = positive(gib, "hostMemoryGiB");
            return this;
        }

        public Builder hostCpus(int cpus) {
            this.hostCpus = positive(cpus, "hostCpus");
            return this;
        }

        /** PVE release of the host: {@code 9.1} (default) or {@code 8.4}. */
        public Builder hostVersion(String release) {
            this.hostRelease = Objects.requireNonNull(release, "release");
            return this;
        }

        /** Node name of the host (default {@code pve}). */
        public Builder hostName(String name) {
            this.hostName = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Adds a guest template; without any, {@link TemplateSpec#pve84()} is installed. */
        public Builder template(TemplateSpec spec) {
            templates.add(Objects.requireNonNull(spec, "spec"));
            return this;
        }

        public Builder latency(LatencyProfile profile) {
            this.latency = Objects.requireNonNull(profile, "profile");
            return this;
        }

        /** Realistic latencies times {@code scale} (tests: 0.001, demo: 0.01). */
        public Builder latencyScale(double scale) {
            this.latency = latency.withScale(scale);
            return this;
        }

        public Builder faults(FaultPlan plan) {
            this.faults = Objects.requireNonNull(plan, "plan");
            return this;
        }

        /** Also append the JSON-lines request log to this file. */
        public Builder requestLog(Path file) {
            this.requestLog = file;
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /** API port of every machine (default 8006; 0 = any free port). */
        public Builder apiPort(int port) {
            this.apiPort = port;
            return this;
        }

        /** SSH port of every machine (default 2222; 0 = any free port). */
        public Builder sshPort(int port) {
            this.sshPort = port;
            return this;
        }

        /** Whether machines run SSH servers (default true). */
        public Builder ssh(boolean on) {
            this.ssh = on;
            return this;
        }

        public Builder hostRootPassword(String pw) {
            this.hostRootPassword = pw;
            return this;
        }

        public Builder guestRootPassword(String pw) {
            this.guestRootPassword = pw;
            return this;
        }

        /** Also mint {@code root@pam!sim} (privsep=0). */
        public Builder rootToken(boolean on) {
            this.rootToken = on;
            return this;
        }

        /** The VMID range hint handed to the tool. */
        public Builder vmidRange(int low, int high) {
            if (low < 100 || high <= low) {
                throw new IllegalArgumentException(
                        "vmid range must satisfy 100 <= low < high, got " + low + ".." + high);
            }
            this.vmidLow = low;
            this.vmidHigh = high;
            return this;
        }

        /** Use exactly 127.77.N.0/24 (default: a free block picked at random). */
        public Builder loopbackBlock(int n) {
            this.block = n;
            return this;
        }

        /**
         * Size of the DHCP pool from {@code .100} (default 100, the whole {@code .100-.199});
         * smaller pools let tests run out of leases quickly.
         */
        public Builder dhcpPoolSize(int size) {
            if (size < 1 || size > 100) {
                throw new IllegalArgumentException("dhcpPoolSize must be 1..100, got " + size);
            }
            this.dhcpPoolSize = size;
            return this;
        }

        /** Validates, installs the host and templates, binds and starts. */
        public Simulator start() {
            if (templates.isEmpty()) {
                templates.add(TemplateSpec.pve84());
            }
            return new SimulatorStarter(this).start();
        }

        private static int positive(int v, String name) {
            if (v < 1) {
                throw new IllegalArgumentException(name + " must be positive, got " + v);
            }
            return v;
        }
    }
}
