package io.jenkins.plugins.nestedpve.provision;

import io.jenkins.plugins.nestedpve.capacity.RoomGate;
import io.jenkins.plugins.nestedpve.cluster.HostCredentials;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.host.NestingPolicy;
import io.jenkins.plugins.nestedpve.host.NestingReport;
import io.jenkins.plugins.nestedpve.lifecycle.HostClients;
import io.jenkins.plugins.nestedpve.placement.PlacementCheck;
import io.jenkins.plugins.nestedpve.placement.PlacementPlan;
import io.jenkins.plugins.nestedpve.preflight.EnvironmentChecks;
import io.jenkins.plugins.nestedpve.preflight.HostEnvironment;
import io.jenkins.plugins.nestedpve.preflight.HostNesting;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;

/**
 * Phases 0 and 1: opens the physical host's API, checks the spec against it (the preflight
 * report's {@link EnvironmentChecks}; any failure stops provisioning before anything is created), waits for its
 * room on the host ({@link RoomGate}), then runs the report's nesting section on the host over SSH when the spec
 * and the credentials allow it ({@link HostNesting}). Read-only apart from the host's nesting settings.
 */
final class ValidatePhase {
    private final RunContext run;
    private final ClusterSpec spec;
    private final HostCredentials credentials;

    ValidatePhase(RunContext run, ClusterSpec spec, HostCredentials credentials) {
        this.run = run;
        this.spec = spec;
        this.credentials = credentials;
    }

    Validated run() {
        PlacementPlan[] placement = new PlacementPlan[1];
        HostEnvironment environment = run.phases().run(Phase.VALIDATE, null, () -> {
            PveClient host = HostClients.open(run.ctx().pveClients(), spec.host(), credentials);
            run.footprint().hostOpened(host);
            EnvironmentChecks.Outcome outcome = new EnvironmentChecks(
                            host, spec, run.templateLocks().claimed(spec.host().id()))
                    .run();
            outcome.report().throwIfFailed();
            HostEnvironment e = outcome.environment().orElseThrow();
            placement[0] =
                    new PlacementCheck(host, spec, e.templateNode(), e.templateVmid(), e.templateStorages()).plan();
            run.footprint().roomHeld(RoomGate.admit(run.ctx(), host, spec, run.lease(), run::info));
            return e;
        });
        run.footprint().hostNode(environment.templateNode());
        if (spec.placementOrDefault().acrossNodes()) {
            run.info("placement " + spec.placementOrDefault() + ": " + placement[0].guestNodes());
        }
        PveClient host = run.footprint().host();
        return new Validated(host, environment, preflight(host), placement[0]);
    }

    private NestingReport preflight(PveClient host) {
        if (spec.nesting() == NestingPolicy.SKIP || !HostNesting.possible(spec, credentials)) {
            if (spec.nesting() != NestingPolicy.SKIP) {
                run.info("no SSH access to the physical host: nesting is checked inside the guests only");
            }
            run.phases().skip(Phase.PREFLIGHT, null);
            return null;
        }
        return run.phases()
                .run(
                        Phase.PREFLIGHT,
                        null,
                        () -> HostNesting.apply(run.ctx().ssh(), spec, credentials, host, run::info));
    }
}
