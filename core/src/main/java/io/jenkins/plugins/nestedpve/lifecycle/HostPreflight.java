package io.jenkins.plugins.nestedpve.lifecycle;

import io.jenkins.plugins.nestedpve.host.NestingReport;
import io.jenkins.plugins.nestedpve.preflight.HostNesting;

/**
 * Phase 1: the preflight report's nesting section ({@link HostNesting}) under the spec's policy, on
 * the physical host over SSH with its pinned key.
 */
final class HostPreflight {
    private HostPreflight() {}

    /** Whether the spec and credentials allow the host preflight at all. */
    static boolean possible(ProvisionRun run) {
        return HostNesting.possible(run.spec, run.hostCredentials);
    }

    static NestingReport run(ProvisionRun run) throws InterruptedException {
        return HostNesting.apply(run.ctx.ssh(), run.spec, run.hostCredentials, run.host, run::info);
    }
}
