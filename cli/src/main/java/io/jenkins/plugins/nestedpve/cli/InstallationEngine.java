package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.cluster.Ledger;
import io.jenkins.plugins.nestedpve.cluster.MarkerKey;
import io.jenkins.plugins.nestedpve.lifecycle.EngineContext;
import io.jenkins.plugins.nestedpve.lifecycle.NestedPveEngine;

/**
 * The engine of this installation for {@code run}, {@code up}, {@code down} and {@code reap}: its
 * id, its file ledger (so a crashed run's VMs can always be found) and its lease files. Closing
 * closes the ledger; twice is harmless.
 */
final class InstallationEngine implements AutoCloseable {
    private final Installation installation;
    private final Ledger ledger;
    private final NestedPveEngine engine;
    private final LeaseFiles leases;

    private InstallationEngine(Installation installation, Ledger ledger, NestedPveEngine engine) {
        this.installation = installation;
        this.ledger = ledger;
        this.engine = engine;
        this.leases = new LeaseFiles(installation.home());
    }

    static InstallationEngine open(CliContext ctx) {
        Installation installation = Installation.at(ctx.home());
        MarkerKey key = installation.markerKey();
        Ledger ledger = installation.openLedger();
        EngineContext context = EngineContext.builder(installation.id())
                .clock(ctx.clock())
                .ledger(ledger)
                .markerKey(key)
                .build();
        return new InstallationEngine(installation, ledger, new NestedPveEngine(context));
    }

    Installation installation() {
        return installation;
    }

    NestedPveEngine engine() {
        return engine;
    }

    LeaseFiles leases() {
        return leases;
    }

    @Override
    public void close() {
        ledger.close();
    }
}
