package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.sim.FaultPlan;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The simulator's seeded faults, as options shared by {@code demo} and {@code sim}: one rate for every
 * kind, or a rate per class, so that transient faults (API 5xx, dropped SSH, clone lock timeouts, a late
 * agent) and permanent ones (failed tasks, an agent or a guest that never comes up) can be measured on
 * their own.
 */
final class FaultOptions {
    @Option(names = "--fault-seed", paramLabel = "S", description = "Seed of the injected faults (default 1).")
    long seed = 1;

    @Option(
            names = "--fault-rate",
            paramLabel = "R",
            description = "Probability of each kind of fault per decision, transient and permanent, e.g. 0.1"
                    + " (default 0).")
    double rate;

    @Option(
            names = "--transient-fault-rate",
            paramLabel = "R",
            description = "Probability of each transient fault (API 5xx, dropped SSH session, clone lock"
                    + " timeout, late guest agent); overrides --fault-rate for them.")
    Double transientRate;

    @Option(
            names = "--permanent-fault-rate",
            paramLabel = "R",
            description = "Probability of each permanent fault (failed task, guest agent or guest that never"
                    + " comes up); overrides --fault-rate for them.")
    Double permanentRate;

    /** The rates as given, checked: each a probability. */
    Rates rates() {
        check("--fault-rate", rate);
        double t = transientRate == null ? rate : check("--transient-fault-rate", transientRate);
        double p = permanentRate == null ? rate : check("--permanent-fault-rate", permanentRate);
        return new Rates(seed, t, p);
    }

    private static double check(String option, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new CliException(ExitCodes.USAGE, option + " is a probability in [0,1], got " + value);
        }
        return value;
    }

    /** Seeded fault rates per class. */
    record Rates(long seed, double transientRate, double permanentRate) {
        static final Rates NONE = new Rates(1, 0, 0);

        boolean any() {
            return transientRate > 0 || permanentRate > 0;
        }

        FaultPlan plan() {
            return FaultPlan.builder()
                    .seed(seed)
                    .transientRate(transientRate)
                    .permanentRate(permanentRate)
                    .build();
        }

        /** E.g. {@code "faults: rate 0.1, seed 7"} or {@code "faults: transient 0.1, permanent 0, seed 7"}. */
        String describe() {
            if (!any()) {
                return "no faults";
            }
            return transientRate == permanentRate
                    ? String.format(Locale.ROOT, "faults: rate %s, seed %d", transientRate, seed)
                    : String.format(
                            Locale.ROOT,
                            "faults: transient %s, permanent %s, seed %d",
                            transientRate,
                            permanentRate,
                            seed);
        }
    }
}
