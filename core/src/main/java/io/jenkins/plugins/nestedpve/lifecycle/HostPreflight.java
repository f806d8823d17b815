package io.jenkins.plugins.nestedpve.lifecycle;

import io.jenkins.plugins.nestedpve.cluster.HostCredentials;
import io.jenkins.plugins.nestedpve.host.NestingReport;
import io.jenkins.plugins.nestedpve.preflight.HostNesting;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import java.util.function.Consumer;

/**
 * Phase 1: the preflight report's nesting section ({@link HostNesting}) under the spec's policy, on
 * the physical host over SSH with its pinned key.
 */
public final class HostPreflight {
    private HostPreflight() {}

    /** Whether the spec and credentials allow the host preflight at all. */
    public static boolean possible(ClusterSpec spec, HostCredentials credentials) {
        return HostNesting.possible(spec, credentials);
    }

    /** @param info where the report's lines go */
    public static NestingReport run(
            EngineContext ctx, ClusterSpec spec, HostCredentials credentials, PveClient host, Consumer<String> info)
            throws InterruptedException {
        return HostNesting.apply(ctx.ssh(), spec, credentials, host, info::accept);
    }
}
