package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.sim.Simulator;
import io.jenkins.plugins.nestedpve.sim.UpgradeFaults;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's {@code --upgrade-fault NAME[@nK][=VALUE]}: the simulator's upgrade faults, with the
 * node given by its place in the cluster ({@code n2}), since the demo cluster's name is chosen at
 * random.
 */
final class DemoUpgradeFaults {
    private static final Pattern SPEC = Pattern.compile("([a-z-]+)(?:@(n[0-9]{1,2}))?(=.*)?", Pattern.DOTALL);

    private DemoUpgradeFaults() {}

    /** @throws CliException (usage) for an unknown fault or node form */
    static void check(String spec) {
        Matcher m = SPEC.matcher(spec.strip());
        if (!m.matches() || !UpgradeFaults.NAMES.contains(m.group(1).toLowerCase(Locale.ROOT))) {
            throw new CliException(
                    ExitCodes.USAGE,
                    "--upgrade-fault '" + spec + "': use NAME[@nK][=VALUE] with NAME"
                            + " one of " + String.join(", ", UpgradeFaults.NAMES) + " and nK the K-th node, e.g."
                            + " checker-fail@n2=1 nodes are offline!");
        }
    }

    /** Adds every fault to the simulator, its node named after {@code cluster}. */
    static void apply(Simulator sim, NestedCluster cluster, List<String> specs, PrintStream out) {
        for (String spec : specs) {
            Matcher m = SPEC.matcher(spec.strip());
            if (!m.matches()) {
                throw new CliException(ExitCodes.USAGE, "--upgrade-fault '" + spec + "' is not NAME[@nK][=VALUE]");
            }
            String node = m.group(2) == null ? "" : "@" + cluster.name() + "-" + m.group(2);
            String value = m.group(3) == null ? "" : m.group(3);
            String applied = m.group(1) + node + value;
            sim.faults().upgrade().apply(applied);
            out.println("simulator fault for the upgrade: " + applied);
        }
    }
}
