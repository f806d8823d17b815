package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.engine.NestedPveEngine;
import io.jenkins.plugins.nestedpve.lifecycle.PveClientFactory;
import io.jenkins.plugins.nestedpve.pve.RetryPolicy;
import io.jenkins.plugins.nestedpve.wait.Backoff;
import io.jenkins.plugins.nestedpve.wait.Sleeper;

/**
 * The engine of this installation for {@code run}, {@code up}, {@code down} and {@code reap}, wired by the core's
 * {@link io.jenkins.plugins.nestedpve.install.InstallationHome} as the Jenkins plugin's is: its id, its file ledger
 * (so a crashed run's VMs can always be found) and its leases. Closing closes the ledger; twice is harmless.
 */
final class InstallationEngine implements AutoCloseable {
    private final Installation installation;
    private final NestedPveEngine engine;
    private final ProcessLeases leases;
    private final ClientRequestLog requestLog;

    private InstallationEngine(Installation installation, NestedPveEngine engine, ClientRequestLog requestLog) {
        this.installation = installation;
        this.engine = engine;
        this.requestLog = requestLog;
        this.leases = new ProcessLeases(installation.home().leases());
    }

    /**
     * @param requestLog receives every API exchange of the engine's clients; closed with this
     */
    static InstallationEngine open(CliContext ctx, ClientRequestLog requestLog) {
        Installation installation = Installation.at(ctx.home(), ctx.clock());
        NestedPveEngine engine = new NestedPveEngine(installation
                .home()
                .engineContext(installation.markerKey())
                .pveClients(PveClientFactory.standard(
                        ctx.clock(), Sleeper.SYSTEM, RetryPolicy.DEFAULT, Backoff.TASK_POLL, requestLog))
                .build());
        return new InstallationEngine(installation, engine, requestLog);
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

    ProcessLeases leases() {
        return leases;
    }

    @Override
    public void close() {
        installation.home().close();
        requestLog.close();
    }
}
