package io.jenkins.plugins.nestedpve.upgrade;

import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.cluster.NestedNode;
import io.jenkins.plugins.nestedpve.events.PhaseTimings;
import io.jenkins.plugins.nestedpve.host.NestingMode;
import io.jenkins.plugins.nestedpve.pve.ClusterStatus;
import io.jenkins.plugins.nestedpve.pve.NodeStatus;
import io.jenkins.plugins.nestedpve.pve.PveTransportException;
import io.jenkins.plugins.nestedpve.pve.TaskResult;
import io.jenkins.plugins.nestedpve.pve.Upid;
import io.jenkins.plugins.nestedpve.pve.VersionInfo;
import io.jenkins.plugins.nestedpve.pve.VmResource;
import io.jenkins.plugins.nestedpve.spec.HostRef;
import io.jenkins.plugins.nestedpve.ssh.ExecResult;
import io.jenkins.plugins.nestedpve.ssh.LineSink;
import io.jenkins.plugins.nestedpve.wait.Deadline;
import io.jenkins.plugins.nestedpve.wait.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small fake of the nodes' shells and API for the trial's unit tests: PVE 8.4.1 nodes that
 * become 9.1.2 when their sources say trixie, they dist-upgrade and reboot. Each command moves the
 * manual clock a little, as real commands take time. Records every command it ran.
 */
final class FakeCluster implements ClusterAccess {
    static final String API_FP =
            "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";
    static final String SSH_FP = "SHA256:8kn1NQg/K2zpM0Ixqk6fuAETplTSdmYSOiok6u79ReU";

    /** One fake node. */
    static final class Node {
        final String name;
        String version = "8.4.1";
        String kernel = "6.8.12-9-pve";
        String sources = "deb http://deb.debian.org/debian bookworm main contrib\n"
                + "deb http://download.proxmox.com/debian/pve bookworm pve-no-subscription\n";
        boolean trixieSources;
        boolean upgradedPackages;
        boolean down;
        boolean neverReturns;
        int bootsSeen;
        int boot = 1;
        List<String> checkerLines = new ArrayList<>();

        Node(String name) {
            this.name = name;
        }
    }

    /** A guest. */
    static final class Guest {
        final String type;
        final int vmid;
        String node;
        String status = "stopped";
        Instant runningAgainAt;

        Guest(String type, int vmid, String node) {
            this.type = type;
            this.vmid = vmid;
            this.node = node;
        }
    }

    final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T10:00:00Z"));
    final Map<String, Node> nodes = new LinkedHashMap<>();
    final Map<Integer, Guest> guests = new LinkedHashMap<>();
    final List<String> commands = Collections.synchronizedList(new ArrayList<>());
    final Set<String> changed = ConcurrentHashMap.newKeySet();
    int nextId = 100;
    /** A command that is "aborted": running it throws InterruptedException. */
    volatile String abortAt;

    NestedCluster cluster;

    FakeCluster(int count) {
        List<NestedNode> list = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String name = "np-t-n" + i;
            nodes.put(name, new Node(name));
            list.add(new NestedNode(name, 900 + i, "10.0.0." + (10 + i), API_FP, SSH_FP, 8006, 22));
        }
        cluster = new NestedCluster(
                "np-t",
                list,
                NestingMode.EMULATED,
                "8.4.1",
                "lease-1",
                HostRef.of("https://pve1.lab:8006", "pve1", API_FP),
                PhaseTimings.empty(),
                Instant.parse("2026-01-01T09:00:00Z"),
                null);
    }

    Node node(String name) {
        return nodes.get(name);
    }

    @Override
    public NodeShell shell(NestedNode node, Deadline deadline) {
        return tryShell(node)
                .orElseThrow(() -> new io.jenkins.plugins.nestedpve.ssh.SshConnectException(
                        node.address() + ":22", "SSH on " + node.address() + ":22 should accept connections", null));
    }

    @Override
    public synchronized Optional<NodeShell> tryShell(NestedNode node) {
        Node n = nodes.get(node.name());
        clock.advance(Duration.ofSeconds(1));
        if (n.down) {
            if (n.neverReturns) {
                return Optional.empty();
            }
            n.down = false; // the first look finds it down, the next one up
            return Optional.empty();
        }
        return Optional.of(new Shell(n));
    }

    @Override
    public NodeApi api(NestedNode node) {
        return new Api(nodes.get(node.name()));
    }

    private final class Shell implements NodeShell {
        private final Node n;

        Shell(Node n) {
            this.n = n;
        }

        @Override
        public ExecResult run(String command, Duration timeout) throws InterruptedException {
            return stream(command, timeout, LineSink.DISCARD);
        }

        @Override
        public ExecResult stream(String command, Duration timeout, LineSink lines) throws InterruptedException {
            if (command.equals(abortAt)) {
                throw new InterruptedException("aborted during " + command);
            }
            synchronized (FakeCluster.this) {
                commands.add(n.name + ": " + command);
                clock.advance(Duration.ofSeconds(2));
                ExecResult r = answer(command);
                r.stdout().lines().forEach(lines::accept);
                return r;
            }
        }

        private ExecResult answer(String c) {
            if (c.equals("pveversion")) {
                return ok("pve-manager/" + n.version + "/abcdef (running kernel: " + n.kernel + ")\n");
            }
            if (c.equals(Checker.COMMAND)) {
                return ok(checker(n));
            }
            if (c.equals(Repositories.READ)) {
                return ok("==> /etc/apt/sources.list\n" + n.sources);
            }
            if (c.equals(Reboot.BOOT_ID)) {
                return ok("boot-" + n.boot + "\n");
            }
            if (c.equals("reboot")) {
                changed.add(n.name);
                n.down = true;
                n.boot++;
                if (n.upgradedPackages) {
                    n.version = "9.1.2";
                    n.kernel = "6.17.2-1-pve";
                }
                throw new io.jenkins.plugins.nestedpve.ssh.SshDisconnectedException(
                        n.name, "reboot", "the connection closed", null);
            }
            if (c.equals(PackageUpgrade.DIST_UPGRADE)) {
                changed.add(n.name);
                clock.advance(Duration.ofSeconds(30));
                n.upgradedPackages = n.trixieSources;
                return ok("Reading package lists...\nSetting up pve-manager ...\n");
            }
            if (c.startsWith("mv -f")) {
                changed.add(n.name);
                return ok("");
            }
            if (c.startsWith("cat /etc/pve")) {
                return new ExecResult(1, "", "No such file or directory");
            }
            return ok(c.equals("apt-get update") ? "Hit:1 http://deb.debian.org/debian bookworm InRelease\n" : "");
        }

        @Override
        public void write(String path, String content) {
            synchronized (FakeCluster.this) {
                changed.add(n.name);
                commands.add(n.name + ": write " + path);
                if (path.endsWith("proxmox.sources") && content.contains("Suites: trixie")) {
                    n.trixieSources = true;
                }
            }
        }

        @Override
        public void close() {}
    }

    private String checker(Node n) {
        StringBuilder o = new StringBuilder("= CHECKING VERSION INFORMATION FOR PVE PACKAGES =\n\n");
        int fails = 0;
        int warns = 0;
        o.append(
                n.version.startsWith("9")
                        ? "\u001b[32mPASS: already upgraded to Proxmox VE 9\u001b[0m\n"
                        : "\u001b[32mPASS: proxmox-ve package has version >= 8.4-0\u001b[0m\n");
        for (String l : n.checkerLines) {
            o.append(l.startsWith("FAIL") ? "\u001b[31m" : "\u001b[33m")
                    .append(l)
                    .append("\u001b[0m\n");
            fails += l.startsWith("FAIL") ? 1 : 0;
            warns += l.startsWith("WARN") ? 1 : 0;
        }
        o.append("\n= SUMMARY =\n\nTOTAL:    ")
                .append(1 + fails + warns)
                .append("\n\u001b[32mPASSED:   1\u001b[0m\n")
                .append("SKIPPED:  0\n\u001b[33mWARNINGS: ")
                .append(warns)
                .append("\u001b[0m\n\u001b[31mFAILURES: ")
                .append(fails)
                .append("\u001b[0m\n");
        return o.toString();
    }

    private static ExecResult ok(String out) {
        return new ExecResult(0, out, "");
    }

    private final class Api implements NodeApi {
        private final Node self;

        Api(Node self) {
            this.self = self;
        }

        private void reachable() {
            synchronized (FakeCluster.this) {
                if (self.down) {
                    throw new PveTransportException("no route", "GET", "/", true, null);
                }
            }
        }

        @Override
        public VersionInfo version() {
            reachable();
            synchronized (FakeCluster.this) {
                return new VersionInfo(self.version, self.version.substring(0, 3), "abcdef");
            }
        }

        @Override
        public ClusterStatus clusterStatus() {
            reachable();
            synchronized (FakeCluster.this) {
                List<ClusterStatus.Node> list = new ArrayList<>();
                int online = 0;
                for (Node n : nodes.values()) {
                    list.add(new ClusterStatus.Node(n.name, list.size() + 1, !n.down, "10.0.0.1", n == self));
                    online += n.down ? 0 : 1;
                }
                boolean quorate = online * 2 > nodes.size();
                return new ClusterStatus(new ClusterStatus.Cluster("np-t", quorate, nodes.size(), 3), list);
            }
        }

        @Override
        public NodeStatus nodeStatus(String node) {
            reachable();
            return new NodeStatus(null, null, "", "", 100, 88_000_000_000L);
        }

        @Override
        public List<Upid> activeTasks(String node) {
            reachable();
            return List.of();
        }

        @Override
        public List<VmResource> guests() {
            reachable();
            synchronized (FakeCluster.this) {
                return guests.values().stream()
                        .map(g -> new VmResource(
                                g.vmid, g.node, g.type, "g" + g.vmid, status(g), false, null, List.of(), 0))
                        .toList();
            }
        }

        private String status(Guest g) {
            if (nodes.get(g.node).down) {
                return "unknown";
            }
            if (g.runningAgainAt != null && !clock.instant().isBefore(g.runningAgainAt)) {
                g.status = "running";
                g.runningAgainAt = null;
            }
            return g.status;
        }

        @Override
        public String status(String type, String node, int vmid) {
            reachable();
            synchronized (FakeCluster.this) {
                if (nodes.get(node).down) {
                    throw new PveTransportException("no route to " + node, "GET", "/", true, null);
                }
                return status(guests.get(vmid));
            }
        }

        @Override
        public Upid migrate(VmResource guest, String target) {
            reachable();
            synchronized (FakeCluster.this) {
                Guest g = guests.get(guest.vmid());
                commands.add("migrate " + g.type + "/" + g.vmid + " " + g.node + " -> " + target);
                g.node = target;
                if (g.type.equals("lxc") && g.status.equals("running")) {
                    g.status = "stopped";
                    g.runningAgainAt = clock.instant().plus(Duration.ofSeconds(5));
                }
                return upid(g.node, "migrate", g.vmid);
            }
        }

        @Override
        public TaskResult await(Upid upid, Deadline deadline) {
            return new TaskResult(upid, "OK", 0);
        }

        @Override
        public synchronized int nextId() {
            return nextId;
        }

        @Override
        public Upid create(String type, String node, Map<String, ?> params) {
            synchronized (FakeCluster.this) {
                int vmid = (Integer) params.get("vmid");
                guests.put(vmid, new Guest(type, vmid, node));
                nextId++;
                return upid(node, "create", vmid);
            }
        }

        @Override
        public Upid power(String type, String node, int vmid, String action) {
            synchronized (FakeCluster.this) {
                guests.get(vmid).status = action.equals("start") ? "running" : "stopped";
                return upid(node, action, vmid);
            }
        }

        @Override
        public Upid destroy(String type, String node, int vmid) {
            synchronized (FakeCluster.this) {
                guests.remove(vmid);
                return upid(node, "destroy", vmid);
            }
        }

        @Override
        public List<String> storages(String node, String content) {
            return List.of("local-lvm");
        }

        @Override
        public List<String> containerTemplates(String node) {
            return List.of("local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst");
        }

        @Override
        public void close() {}
    }

    private static Upid upid(String node, String type, int vmid) {
        return Upid.parse("UPID:" + node + ":0002A3F1:00C3B2A0:6621D3E5:" + type + ":" + vmid + ":root@pam:");
    }
}
