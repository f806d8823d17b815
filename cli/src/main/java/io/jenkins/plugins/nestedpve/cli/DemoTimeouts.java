package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.spec.Timeouts;
import io.jenkins.plugins.nestedpve.upgrade.UpgradeTimeouts;
import java.time.Duration;

/**
 * Timeouts for a simulator whose latencies are scaled: the real-hardware defaults times the same
 * factor, but never below {@link #FLOOR}, since TLS handshakes, SSH key exchanges and thread
 * scheduling take real time that does not shrink with the simulation.
 */
final class DemoTimeouts {
    /** The smallest timeout, in real time. */
    static final Duration FLOOR = Duration.ofSeconds(10);

    private DemoTimeouts() {}

    static Timeouts scaled(double scale) {
        Timeouts d = Timeouts.defaults();
        return new Timeouts(
                scale(d.cloneTask(), scale),
                scale(d.boot(), scale),
                scale(d.ssh(), scale),
                scale(d.command(), scale),
                scale(d.join(), scale),
                scale(d.quorum(), scale),
                scale(d.teardown(), scale),
                scale(d.overall(), scale).plus(FLOOR.multipliedBy(3)));
    }

    /** The upgrade trial's timeouts, scaled the same way. */
    static UpgradeTimeouts upgrade(double scale) {
        UpgradeTimeouts d = UpgradeTimeouts.DEFAULTS;
        return new UpgradeTimeouts(
                scale(d.command(), scale),
                scale(d.checker(), scale),
                scale(d.aptUpdate(), scale),
                scale(d.distUpgrade(), scale),
                scale(d.migration(), scale),
                scale(d.reboot(), scale),
                scale(d.quorum(), scale),
                scale(d.userCommand(), scale));
    }

    static Duration scale(Duration realistic, double scale) {
        Duration d = Duration.ofMillis(Math.round(realistic.toMillis() * scale));
        return d.compareTo(FLOOR) < 0 ? FLOOR : d;
    }
}
