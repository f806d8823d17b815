package io.jenkins.plugins.nestedpve.lifecycle;

import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.cluster.NestedNode;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.events.Timeline;
import io.jenkins.plugins.nestedpve.host.GuestNesting;
import io.jenkins.plugins.nestedpve.host.NestingMode;
import io.jenkins.plugins.nestedpve.host.NestingPolicy;
import java.util.List;
import java.util.Objects;

/**
 * Runs the phases of one provisioning in order (DESIGN.md "Provisioning phases"): 0 validate, 1
 * host preflight, 2 guests in parallel, 3 cluster, 4 smoke check, 5 ready. On any failure,
 * cancellation or interrupt it cleans up before rethrowing (see {@link FailureCleanup}).
 */
final class Provisioner {
    private final ProvisionRun run;
    private final Timeline timeline;

    Provisioner(ProvisionRun run, Timeline timeline) {
        this.run = run;
        this.timeline = timeline;
    }

    NestedCluster provision() {
        try {
            validate();
            preflight();
            run.clonesStarted = true;
            new ParallelGuests(run).buildAll();
            new ClusterFormation(run).form();
            smokeCheck();
            return ready();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            ProvisioningException failure =
                    e instanceof ProvisioningException p ? p : new ProvisioningException(Phase.READY, null, e);
            failure.lease(run.lease);
            new FailureCleanup(run).cleanUp(failure);
            throw failure;
        } finally {
            run.nodes.forEach(GuestNode::close);
            run.templateLocks.release(run.spec.host().id(), run.claims);
            if (run.host != null) {
                run.host.close();
            }
        }
    }

    private void validate() {
        run.phases.run(Phase.VALIDATE, null, () -> {
            run.host = HostClients.open(run.ctx.pveClients(), run.spec.host(), run.hostCredentials);
            run.environment = new EnvironmentCheck(
                            run.host,
                            run.spec,
                            run.templateLocks.claimed(run.spec.host().id()))
                    .run();
        });
    }

    private void preflight() {
        if (run.spec.nesting() == NestingPolicy.SKIP || !HostPreflight.possible(run)) {
            if (run.spec.nesting() != NestingPolicy.SKIP) {
                run.info("no SSH access to the physical host: nesting is checked inside the guests only");
            }
            run.phases.skip(Phase.PREFLIGHT, null);
            return;
        }
        run.hostNesting = run.phases.run(Phase.PREFLIGHT, null, () -> HostPreflight.run(run));
    }

    private void smokeCheck() {
        GuestNode first = run.nodes.get(0);
        if (!run.spec.smokeCheck()) {
            run.phases.skip(Phase.SMOKE_CHECK, first.name);
            return;
        }
        run.phases.run(Phase.SMOKE_CHECK, first.name, () -> new SmokeCheck(run, first).run(nestingMode()));
    }

    /** Hardware only when every guest has it; unknown when not checked. */
    NestingMode nestingMode() {
        if (run.spec.nesting() == NestingPolicy.SKIP) {
            return NestingMode.UNKNOWN;
        }
        List<NestingMode> modes = run.nodes.stream()
                .map(n -> n.nesting)
                .filter(Objects::nonNull)
                .map(GuestNesting::mode)
                .toList();
        return modes.contains(NestingMode.EMULATED) || modes.isEmpty() ? NestingMode.EMULATED : NestingMode.HARDWARE;
    }

    private NestedCluster ready() {
        return run.phases.run(Phase.READY, null, () -> {
            List<NestedNode> nodes = run.nodes.stream()
                    .map(n -> n.toNestedNode(run.spec.guestApiPort(), run.spec.guestSshPort()))
                    .toList();
            String version = run.nodes.get(0).api.version().version();
            NestedCluster cluster = new NestedCluster(
                    run.spec.clusterName(),
                    nodes,
                    nestingMode(),
                    version,
                    run.lease,
                    run.spec.host(),
                    timeline.timings(),
                    run.ctx.clock().instant(),
                    null);
            run.info("cluster " + cluster.name() + " is ready: " + nodes.size() + " node(s), nesting "
                    + cluster.nesting().label() + ", PVE " + version);
            return cluster;
        });
    }
}
