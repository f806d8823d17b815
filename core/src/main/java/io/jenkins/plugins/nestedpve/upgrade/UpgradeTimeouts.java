package io.jenkins.plugins.nestedpve.upgrade;

import java.time.Duration;

/**
 * How long each kind of upgrade step may take before the trial fails naming the node and step.
 *
 * @param command a short command (checks, {@code pveversion}, repository files): 2 min
 * @param checker one run of {@code pve8to9 --full}: 5 min
 * @param aptUpdate {@code apt-get update}: 10 min
 * @param distUpgrade {@code apt-get dist-upgrade}: 60 min
 * @param migration one guest's migration task: 15 min
 * @param reboot from {@code reboot} until SSH and the API answer again: 15 min
 * @param quorum until the cluster is quorate with every node online: 10 min
 * @param userCommand a {@code beforeNode}/{@code afterNode} command: 30 min
 */
public record UpgradeTimeouts(
        Duration command,
        Duration checker,
        Duration aptUpdate,
        Duration distUpgrade,
        Duration migration,
        Duration reboot,
        Duration quorum,
        Duration userCommand) {
    /** The defaults listed on the record. */
    public static final UpgradeTimeouts DEFAULTS = new UpgradeTimeouts(
            Duration.ofMinutes(2),
            Duration.ofMinutes(5),
            Duration.ofMinutes(10),
            Duration.ofMinutes(60),
            Duration.ofMinutes(15),
            Duration.ofMinutes(15),
            Duration.ofMinutes(10),
            Duration.ofMinutes(30));

    /** @throws InvalidUpgradePlanException naming {@code timeouts.<name>} when one is missing or not positive */
    public UpgradeTimeouts {
        positive("command", command);
        positive("checker", checker);
        positive("aptUpdate", aptUpdate);
        positive("distUpgrade", distUpgrade);
        positive("migration", migration);
        positive("reboot", reboot);
        positive("quorum", quorum);
        positive("userCommand", userCommand);
    }

    /** A copy with every timeout set to {@code d} (tests, the simulator demo). */
    public static UpgradeTimeouts all(Duration d) {
        return new UpgradeTimeouts(d, d, d, d, d, d, d, d);
    }

    public UpgradeTimeouts withDistUpgrade(Duration d) {
        return new UpgradeTimeouts(command, checker, aptUpdate, d, migration, reboot, quorum, userCommand);
    }

    public UpgradeTimeouts withReboot(Duration d) {
        return new UpgradeTimeouts(command, checker, aptUpdate, distUpgrade, migration, d, quorum, userCommand);
    }

    public UpgradeTimeouts withQuorum(Duration d) {
        return new UpgradeTimeouts(command, checker, aptUpdate, distUpgrade, migration, reboot, d, userCommand);
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new InvalidUpgradePlanException("timeouts." + name, "must be a positive duration, got " + d);
        }
    }
}
