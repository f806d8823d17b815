package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.reap.ReapRules;
import io.jenkins.plugins.nestedpve.reap.ReapScope;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code reap --dry-run}: what the reaper would decide for each VM of this installation, without
 * destroying anything — the reaper's own rules ({@link ReapRules}) applied to the listing.
 */
final class ReapPlan {
    private ReapPlan() {}

    static List<ReapRules.Verdict> plan(OwnedVms.Listing listing, ReapScope scope, Clock clock) {
        return listing.owned().stream()
                .map(vm -> ReapRules.decide(vm.vmid(), vm.marker(), vm.trust(), scope, Set.of(), clock))
                .flatMap(Optional::stream)
                .toList();
    }
}
