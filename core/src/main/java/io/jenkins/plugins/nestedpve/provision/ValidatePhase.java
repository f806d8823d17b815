package io.jenkins.plugins.nestedpve.provision;

import io.jenkins.plugins.nestedpve.cluster.HostCredentials;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.host.NestingPolicy;
import io.jenkins.plugins.nestedpve.host.NestingReport;
import io.jenkins.plugins.nestedpve.lifecycle.Environment;
import io.jenkins.plugins.nestedpve.lifecycle.EnvironmentCheck;
import io.jenkins.plugins.nestedpve.lifecycle.HostClients;
import io.jenkins.plugins.nestedpve.lifecycle.HostPreflight;
import io.jenkins.plugins.nestedpve.placement.PlacementCheck;
import io.jenkins.plugins.nestedpve.placement.PlacementPlan;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;

/**
 * Phases 0 and 1: opens the physical host's API, checks the spec against it ({@link
 * EnvironmentCheck}), then runs the nesting preflight on the host over SSH when the spec and the
 * credentials allow it ({@link HostPreflight}). Read-only apart from the host's nesting settings.
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
        Environment environment = run.phases().run(Phase.VALIDATE, null, () -> {
            PveClient host = HostClients.open(run.ctx().pveClients(), spec.host(), credentials);
            run.footprint().hostOpened(host);
            Environment e = new EnvironmentCheck(
                            host, spec, run.templateLocks().claimed(spec.host().id()))
                    .run();
            placement[0] =
                    new PlacementCheck(host, spec, e.templateNode(), e.templateVmid(), e.templateStorages()).plan();
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
        if (spec.nesting() == NestingPolicy.SKIP || !HostPreflight.possible(spec, credentials)) {
            if (spec.nesting() != NestingPolicy.SKIP) {
                run.info("no SSH access to the physical host: nesting is checked inside the guests only");
            }
            run.phases().skip(Phase.PREFLIGHT, null);
            return null;
        }
        return run.phases()
                .run(Phase.PREFLIGHT, null, () -> HostPreflight.run(run.ctx(), spec, credentials, host, run::info));
    }
}
