package io.jenkins.plugins.nestedpve.sim.apt;

import io.jenkins.plugins.nestedpve.sim.LatencyProfile.Step;
import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import io.jenkins.plugins.nestedpve.sim.model.PveVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code apt-get dist-upgrade} / {@code full-upgrade}: the candidate comes from the fetched indexes of
 * the configured sources (pve-facts §7 minor and major upgrades); mixed Debian and PVE suites cannot be
 * resolved; without {@code -y} apt asks; on 8 → 9 dpkg asks about the modified {@code
 * /etc/lvm/lvm.conf} unless {@code --force-confold}/{@code --force-confnew} is given (pve-facts §13.3).
 */
final class DistUpgrade {
    /** What the run was told. */
    record Options(boolean yes, boolean confold, boolean confnew, boolean noninteractive) {}

    private final PveMachine m;
    private final Options opts;

    DistUpgrade(PveMachine m, Options opts) {
        this.m = m;
        this.opts = opts;
    }

    /** The version a dist-upgrade would install now, or empty; {@code null} entries mean mixed suites. */
    static Plan plan(PveVersion installed, List<AptLists.Indexed> available) {
        TreeSet<String> pve = new TreeSet<>();
        TreeSet<String> debian = new TreeSet<>();
        PveVersion offer = null;
        for (AptLists.Indexed i : available) {
            if (i.source().isPve()) {
                pve.add(i.source().baseSuite());
                if (i.offers().isPresent()
                        && (offer == null || offer.olderThan(i.offers().get()))) {
                    offer = i.offers().get();
                }
            } else if (i.source().isDebian()) {
                debian.add(i.source().baseSuite());
            }
        }
        if (offer == null) {
            return new Plan(null, false);
        }
        String debianSuite = debian.isEmpty() ? installed.suite() : newestSuite(debian);
        if (!debianSuite.equals(offer.suite())) {
            return new Plan(null, true);
        }
        return new Plan(installed.olderThan(offer) ? offer : null, false);
    }

    private static String newestSuite(TreeSet<String> suites) {
        return suites.contains("trixie") ? "trixie" : suites.last();
    }

    /** A dist-upgrade's outcome: the version to install (null = nothing), or unresolvable (mixed suites). */
    record Plan(PveVersion target, boolean broken) {}

    int run(PveVersion installed, Plan plan, Output o, InputStream stdin) throws InterruptedException {
        o.line("Reading package lists...");
        o.line("Building dependency tree...");
        o.line("Reading state information...");
        o.line("Calculating upgrade...");
        if (plan.broken()) {
            return broken(o);
        }
        if (plan.target() == null) {
            o.line("0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.");
            return 0;
        }
        PveVersion target = plan.target();
        boolean major = target.major() > installed.major();
        UpgradeText text = new UpgradeText(installed, target);
        for (String l : text.summary()) {
            o.line(l);
        }
        if (!opts.yes()) {
            o.stream().print("Do you want to continue? [Y/n] ");
            o.stream().flush();
            Optional<String> answer = readLine(stdin);
            if (answer.isEmpty()
                    || !(answer.get().isBlank() || answer.get().strip().equalsIgnoreCase("y"))) {
                o.stream().println("Abort.");
                o.stream().flush();
                return 1;
            }
        }
        if (!opts.noninteractive()) {
            o.error("debconf: unable to initialize frontend: Dialog");
            o.error("debconf: (TERM is not set, so the dialog frontend is not usable.)");
            o.error("debconf: falling back to frontend: Readline");
        }
        for (String l : text.download()) {
            o.line(l);
        }
        Installed.markInterrupted(m.fs(), target);
        for (String l : text.unpack()) {
            o.line(l);
        }
        if (major && !lvmConffile(o, stdin)) {
            return dpkgFailed(o, "lvm2", " end of file on stdin at conffile prompt");
        }
        Optional<String> failing = m.env().faults().upgrade().takeDpkgError(m.nodeName());
        for (String l : text.configure()) {
            if (failing.isPresent() && l.startsWith("Setting up " + failing.get() + " ")) {
                o.line(l);
                return dpkgFailed(
                        o,
                        failing.get(),
                        " installed " + failing.get() + " package post-installation script subprocess returned error"
                                + " exit status 1");
            }
            o.line(l);
            if (l.startsWith("Setting up pve-manager ")) {
                Installed.finish(m, target);
            }
        }
        return 0;
    }

    private int broken(Output o) throws InterruptedException {
        o.line("Some packages could not be installed. This may mean that you have");
        o.line("requested an impossible situation or if you are using the unstable");
        o.line("distribution that some required packages have not yet been created");
        o.line("or been moved out of Incoming.");
        o.line("The following information may help to resolve the situation:");
        o.line("");
        o.line("The following packages have unmet dependencies:");
        o.line(" pve-manager : Depends: libc6 (>= 2.38) but 2.36-9+deb12u10 is to be installed");
        o.error("E: Error, pkgProblemResolver::Resolve generated breaks, this may be caused by held packages.");
        return 100;
    }

    /** dpkg's conffile question for the lvm.conf pve-manager modified; false when it cannot be answered. */
    private boolean lvmConffile(Output o, InputStream stdin) throws InterruptedException {
        String conf = "/etc/lvm/lvm.conf";
        String current = m.fs().read(conf).orElse(Installed.lvmConf(true));
        o.line("");
        o.line("Configuration file '" + conf + "'");
        o.line(" ==> Modified (by you or by a script) since installation.");
        o.line(" ==> Package distributor has shipped an updated version.");
        boolean takeNew;
        if (opts.confold()) {
            o.line(" ==> Keeping old config file as default.");
            takeNew = false;
        } else if (opts.confnew()) {
            o.line(" ==> Using new config file as default.");
            takeNew = true;
        } else {
            o.line("   What would you like to do about it ?  Your options are:");
            o.line("    Y or I  : install the package maintainer's version");
            o.line("    N or O  : keep your currently-installed version");
            o.line("      D     : show the differences between the versions");
            o.line("      Z     : start a shell to examine the situation");
            o.line(" The default action is to keep your current version.");
            o.stream().print("*** lvm.conf (Y/I/N/O/D/Z) [default=N] ? ");
            o.stream().flush();
            Optional<String> a = readLine(stdin);
            if (a.isEmpty()) {
                return false;
            }
            String ans = a.get().strip().toUpperCase(java.util.Locale.ROOT);
            takeNew = ans.equals("Y") || ans.equals("I");
        }
        if (takeNew) {
            o.line("Installing new version of config file " + conf + " ...");
            m.fs().write(conf + ".dpkg-old", current);
            // pve-manager's postinst adds its global_filter again when the file has none
            m.fs().write(conf, Installed.lvmConf(true));
        } else {
            m.fs().write(conf + ".dpkg-dist", Installed.lvmConf(false));
        }
        return true;
    }

    private static int dpkgFailed(Output o, String pkg, String why) throws InterruptedException {
        o.line("dpkg: error processing package " + pkg + " (--configure):");
        o.line(why);
        o.line("Errors were encountered while processing:");
        o.line(" " + pkg);
        o.error("E: Sub-process /usr/bin/dpkg returned an error code (1)");
        return 100;
    }

    private static Optional<String> readLine(InputStream in) {
        // byte by byte: what follows the answer stays unread, as with dpkg's own prompt
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        try {
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                line.write(c);
            }
            if (c < 0 && line.size() == 0) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(line.toString(StandardCharsets.UTF_8));
    }

    static Step step(PveVersion installed, PveVersion target) {
        return target != null && target.major() > installed.major() ? Step.MAJOR_UPGRADE : Step.MINOR_UPGRADE;
    }
}
