package io.jenkins.plugins.nestedpve.sim.apt;

import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import io.jenkins.plugins.nestedpve.sim.model.PveVersion;
import io.jenkins.plugins.nestedpve.sim.shell.Command;
import io.jenkins.plugins.nestedpve.sim.shell.Invocation;
import java.util.Optional;

/** {@code dpkg --configure -a}: finishes an interrupted run (e.g. after a failed post-installation script). */
public final class Dpkg implements Command {
    private final PveMachine m;

    public Dpkg(PveMachine machine) {
        this.m = machine;
    }

    @Override
    public int run(Invocation inv) {
        if (!inv.params().contains("--configure")) {
            inv.err().println("dpkg: error: need an action option");
            inv.err().println();
            inv.err().println("Type dpkg --help for help about installing and deinstalling packages [*];");
            inv.err().println("Use 'apt' or 'aptitude' for user-friendly package management;");
            return 2;
        }
        Optional<PveVersion> pending = Installed.interrupted(inv.fs());
        if (pending.isEmpty()) {
            return 0;
        }
        Optional<String> failing = m.env().faults().upgrade().takeDpkgError(m.nodeName());
        String pkg = failing.orElse("pve-manager");
        inv.out().println("Setting up " + pkg + " (" + pending.get().version() + ") ...");
        if (failing.isPresent()) {
            inv.err().println("dpkg: error processing package " + pkg + " (--configure):");
            inv.err()
                    .println(" installed " + pkg + " package post-installation script subprocess returned error exit"
                            + " status 1");
            inv.err().println("Errors were encountered while processing:");
            inv.err().println(" " + pkg);
            return 1;
        }
        Installed.finish(m, pending.get());
        return 0;
    }
}
