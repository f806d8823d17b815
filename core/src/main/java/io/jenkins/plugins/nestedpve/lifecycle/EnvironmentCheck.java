package io.jenkins.plugins.nestedpve.lifecycle;

import io.jenkins.plugins.nestedpve.preflight.EnvironmentChecks;
import io.jenkins.plugins.nestedpve.preflight.HostEnvironment;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.spec.SpecValidationException;
import java.util.Set;

/**
 * Phase 0: the preflight report's environment checks ({@link EnvironmentChecks}) for a spec; any
 * failure stops provisioning before anything is created. Writes nothing.
 */
public final class EnvironmentCheck {
    private final EnvironmentChecks checks;

    /** @param claimed VMIDs this engine has handed out that may not be visible yet */
    public EnvironmentCheck(PveClient host, ClusterSpec spec, Set<Integer> claimed) {
        this.checks = new EnvironmentChecks(host, spec, claimed);
    }

    /** @throws SpecValidationException listing every failed check; nothing has been created */
    public Environment run() {
        EnvironmentChecks.Outcome outcome = checks.run();
        outcome.report().throwIfFailed();
        HostEnvironment e = outcome.environment().orElseThrow();
        return new Environment(
                e.templateVmid(), e.templateNode(), e.pveMajor(), e.templateStorages(), e.plannedVmids());
    }
}
