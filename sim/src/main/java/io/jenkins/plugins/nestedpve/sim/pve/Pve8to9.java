package io.jenkins.plugins.nestedpve.sim.pve;

import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import io.jenkins.plugins.nestedpve.sim.model.PveVersion;
import io.jenkins.plugins.nestedpve.sim.model.SimVm;
import io.jenkins.plugins.nestedpve.sim.shell.Command;
import io.jenkins.plugins.nestedpve.sim.shell.Invocation;
import java.io.PrintStream;

/**
 * {@code pve8to9 [--full]}: the upgrade checker's sections, coloured prefixes (Term::ANSIColor,
 * whether or not stdout is a TTY) and summary; exit 0 even with failures (pve-manager:PVE/CLI/pve8to9.pm;
 * pve-facts §7). Only the basic checks are simulated.
 */
final class Pve8to9 implements Command {
    private static final String GREEN = "\u001b[32m";
    private static final String YELLOW = "\u001b[33m";
    private static final String RED = "\u001b[31m";
    private static final String RESET = "\u001b[0m";

    private final PveMachine m;
    private int pass;
    private int skip;
    private int warn;
    private int fail;
    private int total;

    Pve8to9(PveMachine m) {
        this.m = m;
    }

    @Override
    public synchronized int run(Invocation inv) {
        pass = skip = warn = fail = total = 0;
        PrintStream o = inv.out();
        PveVersion v = m.version();
        header(o, "CHECKING VERSION INFORMATION FOR PVE PACKAGES");
        o.println("Checking for package updates..");
        line(o, "PASS", "all packages up-to-date");
        o.println("\nChecking proxmox-ve package version..");
        if (v.major() >= 9) {
            line(o, "PASS", "already upgraded to Proxmox VE 9");
        } else if (v.version().compareTo("8.4") >= 0) {
            line(o, "PASS", "proxmox-ve package has version >= 8.4-0");
        } else {
            line(o, "FAIL", "proxmox-ve package is too old, please upgrade to >= 8.4-0!");
        }
        o.println("\nChecking running kernel version..");
        line(o, "PASS", "running kernel '" + v.kernel() + "' is considered suitable for upgrade.");
        header(o, "CHECKING CLUSTER HEALTH/SETTINGS");
        if (m.pmxcfs().corosync().isEmpty()) {
            line(o, "SKIP", "standalone node.");
        } else if (m.cluster().view().quorate()) {
            line(o, "PASS", "cluster is quorate.");
        } else {
            line(o, "FAIL", "cluster is not quorate!");
        }
        header(o, "CHECKING HYPER-CONVERGED CEPH STATUS");
        line(o, "SKIP", "no hyper-converged ceph setup detected!");
        header(o, "CHECKING CONFIGURED STORAGES");
        line(o, "PASS", "storage 'local' enabled and active.");
        line(o, "PASS", "storage 'local-lvm' enabled and active.");
        header(o, "VIRTUAL GUEST CHECKS");
        o.println("INFO: Checking for running guests..");
        boolean running = m.localVms().stream().anyMatch(SimVm::running);
        line(
                o,
                running ? "WARN" : "PASS",
                running
                        ? "running guest(s) detected - consider migrating or stopping them."
                        : "no running guest detected.");
        header(o, "MISCELLANEOUS CHECKS");
        o.println("INFO: Checking common daemon services..");
        for (String unit : new String[] {"pveproxy", "pvedaemon", "pvescheduler", "pvestatd"}) {
            line(o, "PASS", "systemd unit '" + unit + ".service' is in state 'active'");
        }
        summary(o);
        return 0;
    }

    private static void header(PrintStream o, String title) {
        o.println("\n= " + title + " =\n");
    }

    private void line(PrintStream o, String level, String text) {
        total++;
        String color = switch (level) {
            case "PASS" -> {
                pass++;
                yield GREEN;
            }
            case "WARN" -> {
                warn++;
                yield YELLOW;
            }
            case "FAIL" -> {
                fail++;
                yield RED;
            }
            default -> {
                skip++;
                yield "";
            }
        };
        o.println(color.isEmpty() ? level + ": " + text : color + level + ": " + text + RESET);
    }

    private void summary(PrintStream o) {
        header(o, "SUMMARY");
        o.println("TOTAL:    " + total);
        o.println(GREEN + "PASSED:   " + pass + RESET);
        o.println("SKIPPED:  " + skip);
        o.println(YELLOW + "WARNINGS: " + warn + RESET);
        o.println(RED + "FAILURES: " + fail + RESET);
        if (fail > 0) {
            o.println(RED + "\nATTENTION: Please check the output for detailed information!" + RESET);
            o.println(RED + "Try to solve the problems one at a time and then run this checklist tool again." + RESET);
        }
    }
}
