package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.cluster.Ledger;
import io.jenkins.plugins.nestedpve.cluster.MarkerKey;
import io.jenkins.plugins.nestedpve.engine.NestedPveEngine;
import io.jenkins.plugins.nestedpve.lifecycle.EngineContext;
import io.jenkins.plugins.nestedpve.lifecycle.PveClientFactory;
import io.jenkins.plugins.nestedpve.pve.RetryPolicy;
import io.jenkins.plugins.nestedpve.wait.Backoff;
import io.jenkins.plugins.nestedpve.wait.Sleeper;

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
    private final ClientRequestLog requestLog;

    private InstallationEngine(
            Installation installation, Ledger ledger, NestedPveEngine engine, ClientRequestLog requestLog) {
        this.installation = installation;
        this.ledger = ledger;
        this.engine = engine;
        this.requestLog = requestLog;
        this.leases = new LeaseFiles(installation.home());
    }

    /**
     * @param requestLog receives every API exchange of the engine's clients; closed with this
     */
    static InstallationEngine open(CliContext ctx, ClientRequestLog requestLog) {
        Installation installation = Installation.at(ctx.home());
        MarkerKey key = installation.markerKey();
        Ledger ledger = installation.openLedger();
        EngineContext context = EngineContext.builder(installation.id())
                .clock(ctx.clock())
                .ledger(ledger)
                .pveClients(PveClientFactory.standard(
                        ctx.clock(), Sleeper.SYSTEM, RetryPolicy.DEFAULT, Backoff.TASK_POLL, requestLog))
                .markerKey(key)
                .build();
        return new InstallationEngine(installation, ledger, new NestedPveEngine(context), requestLog);
    }

    /** The {@code --request-log} of the command (or one that logs nothing). */
    ClientRequestLog requestLog() {
        return requestLog;
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
        requestLog.close();
    }
}
