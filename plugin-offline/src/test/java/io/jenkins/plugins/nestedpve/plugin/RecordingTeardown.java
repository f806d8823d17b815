package io.jenkins.plugins.nestedpve.plugin;

import io.jenkins.plugins.nestedpve.ledger.Lease;
import io.jenkins.plugins.nestedpve.ledger.LeaseReleaser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** A teardown that records what it destroyed and fails for chosen leases. */
final class RecordingTeardown implements LeaseReleaser.Teardown {
    final List<String> destroyed = new ArrayList<>();
    final Set<String> failFor = new HashSet<>();

    @Override
    public void destroy(Lease lease, Consumer<String> log) throws Exception {
        if (failFor.contains(lease.id())) {
            throw new IllegalStateException("VM " + lease.vmids().get(0) + " is locked (clone)");
        }
        log.accept("destroyed " + lease.vmids());
        destroyed.add(lease.id());
    }
}
