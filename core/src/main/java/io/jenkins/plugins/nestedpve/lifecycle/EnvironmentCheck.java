package io.jenkins.plugins.nestedpve.lifecycle;

import io.jenkins.plugins.nestedpve.preflight.PrivilegeCheck;
import io.jenkins.plugins.nestedpve.preflight.HostCapacity;
import io.jenkins.plugins.nestedpve.preflight.CapacityCheck;
import io.jenkins.plugins.nestedpve.cluster.VmidAllocator;
import io.jenkins.plugins.nestedpve.cluster.VmidRangeExhaustedException;
import io.jenkins.plugins.nestedpve.preflight.EnvironmentChecks;
import io.jenkins.plugins.nestedpve.preflight.HostEnvironment;
import io.jenkins.plugins.nestedpve.pve.NodeStatus;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.PvePermissionException;
import io.jenkins.plugins.nestedpve.pve.StorageInfo;
import io.jenkins.plugins.nestedpve.pve.VmConfig;
import io.jenkins.plugins.nestedpve.pve.VmResource;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.spec.SpecProblem;
import io.jenkins.plugins.nestedpve.spec.SpecValidationException;
import io.jenkins.plugins.nestedpve.spec.TemplateRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
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
