package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.sim.Simulator;
import java.time.Duration;
import java.util.List;

/** The leftovers on a simulator after a bench run, once it had a moment to power off the guests. */
final class BenchLeftovers {
    /** How long the simulator may take to power off the last guests after teardown returned. */
    private static final Duration SETTLE = Duration.ofSeconds(10);

    private BenchLeftovers() {}

    static List<Leftovers.Leftover> settle(Simulator sim) {
        try {
            sim.await(() -> Leftovers.find(sim).isEmpty(), SETTLE, "nothing left of the bench clusters");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // still something left: counted by the caller
        }
        return Leftovers.find(sim);
    }
}
