package io.jenkins.plugins.nestedpve.sim.apt;

import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import io.jenkins.plugins.nestedpve.sim.model.PveVersion;
import io.jenkins.plugins.nestedpve.sim.shell.Command;
import io.jenkins.plugins.nestedpve.sim.shell.Invocation;
import io.jenkins.plugins.nestedpve.sim.shell.Sleeper;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code apt-get} and {@code apt} of a PVE machine: {@code update}, {@code dist-upgrade}/{@code
 * full-upgrade}/{@code upgrade} ({@code -y}, {@code -o Dpkg::Options::=--force-confold|--force-confnew},
 * also from {@code /etc/apt/apt.conf.d}), {@code apt list --upgradable}. Output is streamed line by line
 * over the step's scaled duration.
 */
public final class AptGet implements Command {
    private final PveMachine m;
    private final boolean apt;

    /** {@code apt-get} (or {@code apt} when {@code aptFrontend}) bound to {@code machine}. */
    public AptGet(PveMachine machine, boolean aptFrontend) {
        this.m = machine;
        this.apt = aptFrontend;
    }

    @Override
    public int run(Invocation inv) throws InterruptedException {
        List<String> words = new ArrayList<>();
        List<String> options = new ArrayList<>();
        boolean yes = false;
        List<String> p = inv.params();
        for (int i = 0; i < p.size(); i++) {
            String a = p.get(i);
            if (a.equals("-o") || a.equals("--option") || a.equals("-c")) {
                if (i + 1 < p.size()) {
                    options.add(p.get(++i));
                }
            } else if (a.startsWith("-o")) {
                options.add(a.substring(2));
            } else if (a.equals("--yes") || a.equals("--assume-yes") || (a.matches("-[a-z]+") && a.contains("y"))) {
                yes = true;
            } else if (!a.startsWith("-")) {
                words.add(a);
            }
        }
        if (apt) {
            inv.err().println("\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n");
        }
        if (words.isEmpty()) {
            inv.err().println("E: No operation specified" + (apt ? "" : " (try apt-get --help)"));
            return 100;
        }
        List<AptSource> sources;
        try {
            sources = AptSources.read(inv.fs());
        } catch (AptSources.Malformed e) {
            inv.err().println("E: " + e.getMessage());
            inv.err().println("E: The list of sources could not be read.");
            return 100;
        }
        Sleeper sleeper = Sleeper.scaled(m.env().latency().scale());
        return switch (words.get(0)) {
            case "update" ->
                new AptUpdate(m)
                        .run(
                                sources,
                                new Output(
                                        inv.out(),
                                        inv.err(),
                                        sleeper,
                                        m.env().latency().realistic(AptUpdate.step()),
                                        AptUpdate.expectedLines(sources)));
            case "dist-upgrade", "full-upgrade" -> upgrade(inv, sources, options, yes, sleeper, true);
            case "upgrade" -> upgrade(inv, sources, options, yes, sleeper, false);
            case "list" -> list(inv, sources);
            default -> {
                inv.err().println("E: Invalid operation " + words.get(0));
                yield 100;
            }
        };
    }

    private int upgrade(
            Invocation inv, List<AptSource> sources, List<String> options, boolean yes, Sleeper sleeper, boolean dist)
            throws InterruptedException {
        if (Installed.interrupted(inv.fs()).isPresent()) {
            inv.err()
                    .println("E: dpkg was interrupted, you must manually run 'dpkg --configure -a' to correct the"
                            + " problem. ");
            return 100;
        }
        PveVersion installed = m.version();
        DistUpgrade.Plan plan = DistUpgrade.plan(installed, AptLists.available(inv.fs(), sources));
        if (!dist && plan.target() != null && plan.target().major() > installed.major()) {
            // a plain upgrade never removes packages: a new major release is held back
            plan = new DistUpgrade.Plan(null, false);
        }
        String conf = String.join(" ", options) + " " + aptConf(inv);
        DistUpgrade.Options o = new DistUpgrade.Options(
                yes,
                conf.contains("--force-confold"),
                conf.contains("--force-confnew"),
                "noninteractive".equals(inv.env().get("DEBIAN_FRONTEND")));
        int lines = plan.target() == null ? 5 : new UpgradeText(installed, plan.target()).lineCount();
        Output out = new Output(
                inv.out(),
                inv.err(),
                sleeper,
                m.env().latency().realistic(DistUpgrade.step(installed, plan.target())),
                plan.target() == null ? 1000 : lines);
        return new DistUpgrade(m, o).run(installed, plan, out, inv.stdin());
    }

    private static String aptConf(Invocation inv) {
        StringBuilder sb = new StringBuilder();
        for (String f : inv.fs().list("/etc/apt/apt.conf.d")) {
            inv.fs()
                    .read("/etc/apt/apt.conf.d/" + f)
                    .ifPresent(t -> sb.append(t).append('\n'));
        }
        return sb.toString();
    }

    /** {@code apt list --upgradable}: pve-manager and proxmox-ve when the indexes offer newer ones. */
    private int list(Invocation inv, List<AptSource> sources) {
        inv.out().println("Listing...");
        PveVersion installed = m.version();
        DistUpgrade.Plan plan = DistUpgrade.plan(installed, AptLists.available(inv.fs(), sources));
        if (plan.target() != null && inv.params().contains("--upgradable")) {
            PveVersion t = plan.target();
            if (!t.release().equals(installed.release())) {
                inv.out()
                        .println("proxmox-ve/stable " + t.release() + ".0 all [upgradable from: " + installed.release()
                                + ".0]");
            }
            inv.out()
                    .println("pve-manager/stable " + t.version() + " all [upgradable from: " + installed.version()
                            + "]");
        }
        return 0;
    }
}
