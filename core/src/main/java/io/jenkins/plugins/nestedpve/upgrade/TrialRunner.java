package io.jenkins.plugins.nestedpve.upgrade;

/** Runs one trial. */
final class TrialRunner {
    private final UpgradeTrial.Builder config;

    TrialRunner(UpgradeTrial.Builder config) {
        this.config = config;
    }

    UpgradeReport run() throws InterruptedException {
        throw new UnsupportedOperationException("upgrade trials are being built");
    }

    static UpgradeFailedException failure(UpgradeReport report) {
        return new UpgradeFailedException(report, null, null);
    }
}
