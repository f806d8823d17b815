package io.jenkins.plugins.nestedpve.sim.apt;

import io.jenkins.plugins.nestedpve.sim.http.ApiException;
import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import io.jenkins.plugins.nestedpve.sim.model.PveVersion;
import io.jenkins.plugins.nestedpve.sim.model.SimTask;
import io.jenkins.plugins.nestedpve.sim.shell.Sleeper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The node's APT API (pve-facts §13.1; pve-manager:PVE/API2/APT.pm): the {@code aptupdate} task, the
 * pending updates and the package versions ({@code OldVersion} installed, {@code Version} candidate).
 */
public final class NodeApt {
    private final PveMachine m;

    public NodeApt(PveMachine machine) {
        this.m = machine;
    }

    /** The body of {@code POST /nodes/{node}/apt/update}: {@code apt-get update}, its lines in the task log. */
    public CompletableFuture<Void> update(SimTask t) {
        return CompletableFuture.runAsync(
                () -> {
                    t.log("starting apt-get update");
                    PrintStream log = new PrintStream(new TaskLines(t), true, StandardCharsets.UTF_8);
                    int rc;
                    try {
                        List<AptSource> sources = AptSources.read(m.fs());
                        rc = new AptUpdate(m)
                                .run(
                                        sources,
                                        new Output(
                                                log,
                                                log,
                                                Sleeper.scaled(m.env().latency().scale()),
                                                m.env().latency().realistic(AptUpdate.step()),
                                                AptUpdate.expectedLines(sources)));
                    } catch (AptSources.Malformed e) {
                        log.println("E: " + e.getMessage());
                        rc = 100;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        rc = 130;
                    }
                    log.flush();
                    if (rc != 0) {
                        throw ApiException.die("command 'apt-get update' failed: exit code " + rc);
                    }
                },
                m.env().workers());
    }

    private Map<String, String> candidates() {
        try {
            DistUpgrade.Plan p = DistUpgrade.plan(m.version(), AptLists.available(m.fs(), AptSources.read(m.fs())));
            Map<String, String> out = new LinkedHashMap<>();
            if (p.target() != null) {
                out.put("proxmox-ve", p.target().release() + ".0");
                out.put("pve-manager", p.target().version());
            }
            return out;
        } catch (AptSources.Malformed e) {
            return Map.of();
        }
    }

    /** {@code GET /nodes/{node}/apt/update}: the packages with a newer candidate. */
    public List<Map<String, Object>> updates() {
        List<Map<String, Object>> out = new ArrayList<>();
        candidates().forEach((pkg, ver) -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("Package", pkg);
            e.put("Title", pkg.equals("pve-manager") ? "Proxmox Virtual Environment Management Tools" : "Proxmox VE");
            e.put("Version", ver);
            e.put("OldVersion", installed(pkg));
            e.put("Arch", "all");
            e.put("Origin", "Proxmox");
            e.put("Priority", "optional");
            e.put("Section", "admin");
            out.add(e);
        });
        return out;
    }

    private String installed(String pkg) {
        PveVersion v = m.version();
        return pkg.equals("pve-manager") ? v.version() : v.release() + ".0";
    }

    /** {@code GET /nodes/{node}/apt/versions}: proxmox-ve, pve-manager, the kernels. */
    public List<Map<String, Object>> versions() {
        Map<String, String> cand = candidates();
        PveVersion v = m.version();
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, Object> ve = entry("proxmox-ve", cand);
        ve.put("RunningKernel", m.runningKernel());
        out.add(ve);
        Map<String, Object> mgr = entry("pve-manager", cand);
        mgr.put("ManagerVersion", v.version() + "/" + v.repoid());
        out.add(mgr);
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("Package", "proxmox-kernel-" + v.kernel() + "-signed");
        k.put("Version", v.kernel().replace("-pve", ""));
        k.put("OldVersion", v.kernel().replace("-pve", ""));
        k.put("CurrentState", "Installed");
        out.add(k);
        return out;
    }

    private Map<String, Object> entry(String pkg, Map<String, String> cand) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("Package", pkg);
        e.put("Version", cand.getOrDefault(pkg, installed(pkg)));
        e.put("OldVersion", installed(pkg));
        e.put("CurrentState", "Installed");
        return e;
    }

    /** Splits what a program prints into task log lines. */
    private static final class TaskLines extends OutputStream {
        private final SimTask task;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        TaskLines(SimTask task) {
            this.task = task;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                task.log(line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else {
                line.write(b);
            }
        }
    }
}
