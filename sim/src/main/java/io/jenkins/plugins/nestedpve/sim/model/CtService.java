package io.jenkins.plugins.nestedpve.sim.model;

import io.jenkins.plugins.nestedpve.sim.LatencyProfile.Step;
import io.jenkins.plugins.nestedpve.sim.http.ApiException;
import io.jenkins.plugins.nestedpve.sim.http.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The LXC containers of one node, as far as an upgrade trial needs them (pve-facts §12): create from
 * a template on {@code local}, start, stop, shutdown, status, config, list, destroy. Containers share
 * the VMID space and {@code /etc/pve} with the qemu VMs. Unlike qemu, wrong-state power calls fail
 * synchronously.
 */
public final class CtService {
    /** Where {@code local:vztmpl/<file>} lives (pve-storage Plugin.pm). */
    public static final String TEMPLATE_DIR = "/var/lib/vz/template/cache/";

    private final PveMachine node;

    public CtService(PveMachine node) {
        this.node = node;
    }

    /** The container whose config lives on this node, else {@code Configuration file ... does not exist}. */
    public SimVm require(int vmid) {
        return node.pmxcfs()
                .vm(vmid)
                .filter(v -> v.isContainer() && v.node().equals(node.nodeName()))
                .orElseThrow(() -> ApiException.die(
                        "Configuration file 'nodes/" + node.nodeName() + "/lxc/" + vmid + ".conf' does not exist"));
    }

    static String lockPath(int vmid) {
        return "/run/lock/lxc/pve-config-" + vmid + ".lock";
    }

    private Perms perms() {
        return new Perms(node.pmxcfs().users());
    }

    private String task(String type, int vmid, Principal who, TaskRegistry.Body body) {
        return node.vms().task(type, vmid, who, body);
    }

    private <T> CompletableFuture<T> locked(int vmid, java.util.function.Supplier<CompletableFuture<T>> body) {
        return node.vms().locked(lockPath(vmid), false, node.env().latency().of(Step.LOCK_WAIT_DEFAULT), body);
    }

    /** {@code POST /nodes/{node}/lxc}: returns the vzcreate UPID. */
    public String create(Map<String, String> p, Principal who) {
        int vmid = Integer.parseInt(p.get("vmid"));
        Perms perms = perms();
        perms.require(who, "/vms/" + vmid, "VM.Allocate");
        node.cluster().checkQuorum();
        VmConfig cfg = new CtCreate(node).build(vmid, p, who, perms);
        checkUnused(vmid);
        boolean start = "1".equals(p.get("start"));
        String tmpl = p.get("ostemplate");
        return task(
                "vzcreate",
                vmid,
                who,
                t -> locked(vmid, () -> {
                            checkUnused(vmid);
                            cfg.set("lock", "create");
                            SimVm ct = new SimVm(
                                    vmid,
                                    node.nodeName(),
                                    cfg,
                                    node.env().clock().instant(),
                                    true);
                            node.pmxcfs().addVm(ct);
                            String path = CtCreate.templatePath(tmpl);
                            if (!node.fs().isFile(path)) {
                                node.pmxcfs().removeVm(ct);
                                throw ApiException.die(
                                        "unable to create CT " + vmid + " - volume '" + tmpl + "' does not exist");
                            }
                            t.log("  Logical volume \"vm-" + vmid + "-disk-0\" created.");
                            t.log("extracting archive '" + path + "'");
                            return node.env().after(Step.CT_CREATE).thenRun(() -> {
                                t.log("Total bytes read: 521246720 (498MiB, 117MiB/s)");
                                t.log("Detected container architecture: amd64");
                                for (String k : new String[] {"rsa", "ecdsa", "ed25519"}) {
                                    t.log("Creating SSH host key 'ssh_host_" + k
                                            + "_key' - this may take some time ...");
                                }
                                String features = cfg.get("features");
                                if (path.contains("debian-12")
                                        && (features == null || !features.contains("nesting=1"))) {
                                    // pve-container LXC/Setup/Base.pm: systemd > 241 wants nesting
                                    t.warn("Systemd 252 detected. You may need to enable nesting.");
                                }
                                ct.withConfig(c -> {
                                    c.remove("lock");
                                    return null;
                                });
                            });
                        })
                        .thenCompose(v -> start ? startNow(vmid) : CompletableFuture.completedFuture(null)));
    }

    /** {@code CT <id> already exists on node '<n>'} ({@code VM ...} for a qemu VM). */
    private void checkUnused(int vmid) {
        node.pmxcfs().vm(vmid).ifPresent(v -> {
            throw ApiException.die(
                    (v.isContainer() ? "CT " : "VM ") + vmid + " already exists on node '" + v.node() + "'");
        });
    }

    // ---- power -----------------------------------------------------------------------------

    public String start(int vmid, Principal who) {
        SimVm ct = require(vmid);
        perms().require(who, "/vms/" + vmid, "VM.PowerMgmt");
        if (ct.running()) {
            throw ApiException.die("CT " + vmid + " already running");
        }
        return task("vzstart", vmid, who, t -> startNow(vmid));
    }

    CompletableFuture<Void> startNow(int vmid) {
        return locked(vmid, () -> {
            SimVm ct = require(vmid);
            if (ct.lock() != null) {
                throw ApiException.die("CT is locked (" + ct.lock() + ")");
            }
            return node.env()
                    .after(Step.CT_POWER)
                    .thenRun(() -> ct.markStarted(node.env().clock().instant()));
        });
    }

    /** {@code status/stop} and {@code status/shutdown}: 500 {@code CT <id> not running} when stopped. */
    public String stop(int vmid, boolean shutdown, Principal who) {
        SimVm ct = require(vmid);
        perms().require(who, "/vms/" + vmid, "VM.PowerMgmt");
        if (!ct.running()) {
            throw ApiException.die("CT " + vmid + " not running");
        }
        return task(shutdown ? "vzshutdown" : "vzstop", vmid, who, t -> stopNow(vmid));
    }

    CompletableFuture<Void> stopNow(int vmid) {
        return locked(vmid, () -> {
            SimVm ct = require(vmid);
            return node.env().after(Step.CT_POWER).thenRun(ct::markStopped);
        });
    }

    /** {@code DELETE /nodes/{node}/lxc/{vmid}}: vzdestroy. */
    public String destroy(int vmid, boolean force, Principal who) {
        SimVm ct = require(vmid);
        perms().require(who, "/vms/" + vmid, "VM.Allocate");
        if (ct.running() && !force) {
            throw ApiException.die("unable to destroy CT " + vmid + " - container is running");
        }
        return task(
                "vzdestroy",
                vmid,
                who,
                t -> locked(vmid, () -> {
                    SimVm now = require(vmid);
                    if (now.lock() != null) {
                        throw ApiException.die("CT is locked (" + now.lock() + ")");
                    }
                    now.markStopped();
                    return node.env().after(Step.DESTROY).thenRun(() -> {
                        t.log("  Logical volume \"vm-" + vmid + "-disk-0\" successfully removed.");
                        node.pmxcfs().removeVm(now);
                    });
                }));
    }

    // ---- reading ---------------------------------------------------------------------------

    /** {@code status/current}: no qmpstatus, no agent (LXC.pm vmstatus). */
    public Map<String, Object> status(int vmid, Principal who) {
        SimVm ct = require(vmid);
        perms().require(who, "/vms/" + vmid, "VM.Audit");
        return stats(ct);
    }

    private Map<String, Object> stats(SimVm ct) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("vmid", ct.vmid());
        s.put("status", ct.status());
        s.put("name", ct.get("hostname"));
        s.put("type", "lxc");
        VmStats.fill(ct, s, node.env().clock().instant());
        s.put("cpus", s.get("maxcpu"));
        s.put("maxswap", Long.parseLong(ct.get("swap") == null ? "512" : ct.get("swap")) * 1024 * 1024);
        s.put("swap", 0);
        if (ct.running()) {
            s.put("pid", 20000 + ct.vmid());
        }
        if (ct.lock() != null) {
            s.put("lock", ct.lock());
        }
        if (ct.get("tags") != null) {
            s.put("tags", ct.get("tags"));
        }
        s.put("ha", Map.of("managed", 0));
        return s;
    }

    /** {@code GET /nodes/{node}/lxc}: the containers on this node the user may audit. */
    public List<Map<String, Object>> list(Principal who) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SimVm v : node.localVms()) {
            if (v.isContainer() && perms().has(who, "/vms/" + v.vmid(), "VM.Audit")) {
                Map<String, Object> s = stats(v);
                s.remove("ha");
                out.add(s);
            }
        }
        return out;
    }

    /** {@code GET .../config}. */
    public Map<String, Object> config(int vmid, Principal who) {
        SimVm ct = require(vmid);
        perms().require(who, "/vms/" + vmid, "VM.Audit");
        Map<String, Object> out = new LinkedHashMap<>();
        new java.util.TreeMap<>(ct.currentConfig()).forEach((k, v) -> out.put(k, VmConfig.jsonValue(k, v)));
        out.put("digest", ct.digest());
        return out;
    }
}
