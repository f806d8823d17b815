package io.jenkins.plugins.nestedpve.sim.pve;

import io.jenkins.plugins.nestedpve.sim.http.ApiException;
import io.jenkins.plugins.nestedpve.sim.model.ClusterService;
import io.jenkins.plugins.nestedpve.sim.model.Corosync;
import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import io.jenkins.plugins.nestedpve.sim.shell.Command;
import io.jenkins.plugins.nestedpve.sim.shell.Invocation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code pvecm} (pve-cluster:src/PVE/CLI/pvecm.pm; pve-facts §5.6). */
final class Pvecm implements Command {
    private final PveMachine m;

    Pvecm(PveMachine m) {
        this.m = m;
    }

    @Override
    public int run(Invocation inv) throws InterruptedException {
        List<String> a = inv.params();
        if (a.isEmpty()) {
            inv.err().println("ERROR: no command specified");
            return 255;
        }
        List<String> rest = a.subList(1, a.size());
        try {
            return switch (a.get(0)) {
                case "create" -> create(inv, rest);
                case "add" -> add(inv, rest);
                case "delnode" -> delnode(inv, rest);
                case "status" -> status(inv);
                case "nodes" -> nodes(inv);
                case "expected" -> expected(inv, rest);
                case "apiver" -> {
                    inv.out().println("1");
                    yield 0;
                }
                case "updatecerts" -> {
                    m.ensureCertificate(CliTasks.flag(rest, "force"));
                    yield 0;
                }
                default -> {
                    inv.err().println("ERROR: unknown command 'pvecm " + a.get(0) + "'");
                    yield 255;
                }
            };
        } catch (ApiException e) {
            return CliTasks.die(inv, e);
        }
    }

    private int create(Invocation inv, List<String> a) throws InterruptedException {
        if (a.isEmpty() || a.get(0).startsWith("-")) {
            inv.err().println("400 not enough arguments");
            return 255;
        }
        Integer nodeid = intOpt(a, "nodeid");
        Integer votes = intOpt(a, "votes");
        String link0 = CliTasks.option(a, "link0");
        return CliTasks.runTask(m, inv, () -> m.cluster().create(a.get(0), link0, nodeid, votes, CliTasks.ROOT));
    }

    private int add(Invocation inv, List<String> a) throws InterruptedException {
        if (inv.cwd().equals("/etc/pve") || inv.cwd().startsWith("/etc/pve/")) {
            inv.err().println("Navigate out of /etc/pve before running 'pvecm add', for example by running 'cd'.");
            return 255;
        }
        if (a.isEmpty() || a.get(0).startsWith("-")) {
            inv.err().println("400 not enough arguments");
            return 255;
        }
        if (CliTasks.flag(a, "use_ssh")) {
            inv.err().println("joining with --use_ssh is not simulated; join through the API (without --use_ssh)");
            return 255;
        }
        String host = a.get(0);
        BufferedReader in = new BufferedReader(new InputStreamReader(inv.stdin(), StandardCharsets.UTF_8));
        // stdin is not a TTY under SSH exec: PTY.pm read_password reads one line without prompting
        String password = readLine(in);
        String fp = CliTasks.option(a, "fingerprint");
        if (fp == null) {
            PveMachine peer = m.env().lan().machine(host).orElse(null);
            if (peer != null) {
                String served = peer.servedCertificate().fingerprint();
                inv.out().println("The authenticity of host '" + host + "' can't be established.");
                inv.out().println("X509 SHA256 key fingerprint is " + served + ".");
                inv.out().print("Are you sure you want to continue connecting (yes/no)? ");
                inv.out().flush();
                String answer = readLine(in);
                if (!"yes".equals(answer == null ? null : answer.trim())) {
                    inv.err().println("500 Can't connect to " + host + ":8006 (certificate verify failed)");
                    return 255;
                }
                fp = served;
            }
        }
        ClusterService.JoinRequest req = new ClusterService.JoinRequest(
                host,
                fp,
                password,
                CliTasks.option(a, "link0"),
                intOpt(a, "nodeid"),
                intOpt(a, "votes"),
                CliTasks.flag(a, "force"));
        return CliTasks.runTask(m, inv, () -> m.cluster().join(req, CliTasks.ROOT));
    }

    /**
     * {@code pvecm delnode <node>} (pve-facts §14.1): nothing but {@code corosync-cfgtool -k}'s own
     * output, {@code Killing node N}, and for a node that is off its ignored error (corosync:
     * tools/corosync-cfgtool.c killnode_do; pve-docs pvecm.adoc "Remove a Cluster Node").
     */
    private int delnode(Invocation inv, List<String> a) throws InterruptedException {
        if (a.isEmpty() || a.get(0).startsWith("-")) {
            inv.err().println("400 not enough arguments");
            return 255;
        }
        ClusterService.Removed r = m.cluster().delNode(a.get(0));
        inv.out().println("Killing node " + r.member().nodeid());
        if (!r.killed()) {
            inv.err().println("Could not kill node (error = CS_ERR_NOT_EXIST)");
        }
        return 0;
    }

    private static String readLine(BufferedReader in) {
        try {
            return in.readLine();
        } catch (IOException e) {
            return null;
        }
    }

    private int expected(Invocation inv, List<String> a) {
        Corosync c = requireConf(inv);
        if (c == null) {
            return 2;
        }
        c.setExpected(Integer.parseInt(a.get(0)));
        return 0;
    }

    private Corosync requireConf(Invocation inv) {
        Corosync c = m.pmxcfs().corosync().orElse(null);
        if (c == null) {
            inv.err()
                    .println("Error: Corosync config '/etc/pve/corosync.conf' does not exist - is this node part of a"
                            + " cluster?");
        }
        return c;
    }

    private int status(Invocation inv) {
        Corosync c = requireConf(inv);
        if (c == null) {
            return 2;
        }
        inv.out().print(PvecmStatus.status(m, c));
        return 0;
    }

    private int nodes(Invocation inv) {
        Corosync c = requireConf(inv);
        if (c == null) {
            return 2;
        }
        inv.out().print(PvecmStatus.nodes(m, c));
        return 0;
    }

    private static Integer intOpt(List<String> a, String name) {
        String v = CliTasks.option(a, name);
        return v == null ? null : Integer.valueOf(v);
    }
}
