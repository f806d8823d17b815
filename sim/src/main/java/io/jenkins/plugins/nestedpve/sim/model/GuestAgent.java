package io.jenkins.plugins.nestedpve.sim.model;

import io.jenkins.plugins.nestedpve.sim.LatencyProfile.Step;
import io.jenkins.plugins.nestedpve.sim.http.ApiException;
import io.jenkins.plugins.nestedpve.sim.http.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The QEMU guest agent endpoints of one host (qemu-server:src/PVE/API2/Qemu/Agent.pm; pve-facts
 * §3.9): errors in PVE's order, the generated commands' results wrapped in {@code {"result": ...}}
 * while exec, exec-status, file-read and file-write answer their own object (see {@link AgentFiles}),
 * a PVE guest's address on {@code vmbr0}. Privileges: {@code VM.Monitor} on 8.x, {@code VM.GuestAgent.*} on 9.x.
 */
public final class GuestAgent {
    private final PveMachine host;
    private final AtomicInteger pids = new AtomicInteger(1000);
    private final Map<String, CompletableFuture<ShellRunner.Result>> execs = new ConcurrentHashMap<>();

    public GuestAgent(PveMachine host) {
        this.host = host;
    }

    /**
     * Runs agent command {@code command} (e.g. {@code ping}, {@code exec}, {@code file-read}) on VM
     * {@code vmid}; null for {@code file-write} (PVE returns null).
     */
    public Map<String, Object> call(int vmid, String command, Map<String, Object> params, Principal who)
            throws InterruptedException {
        SimVm vm = host.vms().require(vmid);
        checkPermission(vmid, command, who);
        assertAvailable(vm);
        // exec, exec-status, file-read and file-write are registered by hand in Agent.pm and answer
        // their own object; the generated commands wrap QGA's answer in {"result": ...}
        switch (command) {
            case "exec":
                return Map.of("pid", exec(vm, params));
            case "exec-status":
                return execStatus(vm, params);
            case "file-read":
                return AgentFiles.read(vm, params);
            case "file-write":
                AgentFiles.write(vm, params);
                return null;
            default:
                break;
        }
        Object result = switch (command) {
            case "ping" -> Map.of();
            case "get-host-name" ->
                Map.of("host-name", MachineFiles.hostname(vm.image().fs()).orElse("localhost"));
            case "get-osinfo" -> osinfo();
            case "info" -> Map.of("version", "7.2.15", "supported_commands", List.of());
            case "network-get-interfaces" -> interfaces(vm);
            default -> throw ApiException.die("Agent error: The command guest-" + command + " has not been found");
        };
        return Map.of("result", result);
    }

    private void checkPermission(int vmid, String command, Principal who) {
        Privileges privs = host.privileges();
        Perms perms = new Perms(host.pmxcfs().users());
        String need = privs.agentPrivilege(command);
        // Agent.pm: Audit, FileRead and FileWrite each also pass with Unrestricted ("any")
        if (Set.of("VM.GuestAgent.Audit", "VM.GuestAgent.FileRead", "VM.GuestAgent.FileWrite")
                .contains(need)) {
            perms.requireAny(who, "/vms/" + vmid, need, "VM.GuestAgent.Unrestricted");
        } else {
            perms.require(who, "/vms/" + vmid, need);
        }
    }

    /** Agent.pm assert_agent_available, in order; a dead agent costs the 3 s ping timeout. */
    private void assertAvailable(SimVm vm) throws InterruptedException {
        if (vm.get("agent") == null) {
            throw ApiException.die("No QEMU guest agent configured");
        }
        if (!vm.running()) {
            throw ApiException.die("VM " + vm.vmid() + " is not running");
        }
        String agent = vm.get("agent");
        boolean enabled = !(agent.equals("0") || agent.startsWith("0,") || agent.contains("enabled=0"));
        if (!enabled || !vm.agentUp()) {
            try {
                host.env().after(Step.AGENT_TIMEOUT).get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
            throw ApiException.die("QEMU guest agent is not running");
        }
    }

    private static Map<String, Object> osinfo() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", "debian");
        m.put("name", "Debian GNU/Linux");
        m.put("pretty-name", "Debian GNU/Linux");
        m.put("kernel-release", "6.8.12-9-pve");
        m.put("machine", "x86_64");
        return m;
    }

    private List<Map<String, Object>> interfaces(SimVm vm) {
        String mac = ConfigValues.macOf(vm.get("net0"));
        PveMachine g = vm.guest();
        String ip = g == null ? null : g.ip();
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(nic("lo", "00:00:00:00:00:00", List.of(addr("ipv4", "127.0.0.1", 8), addr("ipv6", "::1", 128))));
        if (mac != null) {
            String lower = mac.toLowerCase(java.util.Locale.ROOT);
            out.add(nic("ens18", lower, List.of()));
            List<Map<String, Object>> addrs = new ArrayList<>();
            if (ip != null) {
                addrs.add(addr("ipv4", ip, 24));
            }
            addrs.add(addr("ipv6", "fe80::be24:11ff:fe00:1", 64));
            out.add(nic("vmbr0", lower, addrs));
        }
        return out;
    }

    private static Map<String, Object> nic(String name, String mac, List<Map<String, Object>> addrs) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("name", name);
        n.put("hardware-address", mac);
        n.put("ip-addresses", addrs);
        n.put(
                "statistics",
                Map.of(
                        "rx-bytes",
                        123456,
                        "rx-packets",
                        1024,
                        "rx-errs",
                        0,
                        "rx-dropped",
                        0,
                        "tx-bytes",
                        65432,
                        "tx-packets",
                        512,
                        "tx-errs",
                        0,
                        "tx-dropped",
                        0));
        return n;
    }

    private static Map<String, Object> addr(String type, String ip, int prefix) {
        return Map.of("ip-address-type", type, "ip-address", ip, "prefix", prefix);
    }

    private int exec(SimVm vm, Map<String, Object> params) {
        Object cmd = params.get("command");
        List<String> argv = new ArrayList<>();
        if (cmd instanceof List<?> l) {
            l.forEach(x -> argv.add(String.valueOf(x)));
        } else if (cmd != null) {
            argv.add(cmd.toString());
        }
        Object input = params.get("input-data");
        int pid = pids.incrementAndGet();
        PveMachine g = vm.guest();
        ShellRunner runner = host.env().shellRunner();
        CompletableFuture<ShellRunner.Result> f = CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return runner.run(g, argv, input == null ? "" : input.toString());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return new ShellRunner.Result(130, "", "interrupted");
                    }
                },
                host.env().workers());
        execs.put(vm.vmid() + ":" + pid, f);
        return pid;
    }

    private Map<String, Object> execStatus(SimVm vm, Map<String, Object> params) {
        Object pid = params.get("pid");
        CompletableFuture<ShellRunner.Result> f = execs.get(vm.vmid() + ":" + pid);
        if (f == null) {
            throw ApiException.die("Agent error: Invalid parameter 'pid'");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (!f.isDone()) {
            out.put("exited", 0);
            return out;
        }
        ShellRunner.Result r = f.join();
        out.put("exited", 1);
        out.put("exitcode", r.exitCode());
        if (!r.out().isEmpty()) {
            out.put("out-data", r.out());
        }
        if (!r.err().isEmpty()) {
            out.put("err-data", r.err());
        }
        return out;
    }
}
