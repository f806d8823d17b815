package io.jenkins.plugins.nestedpve.lifecycle;

import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.jenkins.plugins.nestedpve.cluster.GuestCredentials;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.events.ProgressListener;
import io.jenkins.plugins.nestedpve.spec.ClusterSpecBuilder;
import java.time.Duration;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The faults of {@link FaultMatrixTest}: one per phase, each consumed by the one operation it hits. */
final class FaultCases {
    /** Which node the error must name. */
    enum Who {
        NONE,
        ANY_NODE,
        FIRST,
        SECOND,
        THIRD
    }

    /** What a case changes: the guest login, and a listener that injects the fault. */
    record Injection(GuestCredentials guest, ProgressListener hook) {}

    /** A fault, the phase and node the error must name and a text its message must contain. */
    record Fault(
            Phase phase, int nodes, Who who, String cause, BiFunction<SimLab, ClusterSpecBuilder, Injection> setup) {}

    static final String CFS_LOCK = "cfs-lock 'file-corosync_conf' error: got lock request timeout";
    static final String NO_KVM =
            "KVM virtualisation configured, but not available. Either disable in VM configuration or enable in BIOS.";

    private FaultCases() {}

    static Stream<Arguments> all() {
        return Stream.concat(hostAndGuestFaults(), guestAndClusterFaults());
    }

    private static Stream<Arguments> hostAndGuestFaults() {
        return Stream.of(
                fault(
                        "validation: unknown bridge and template",
                        Phase.VALIDATE,
                        2,
                        Who.NONE,
                        "bridge 'vmbr7' does not exist on",
                        FaultCases::badSpec),
                fault(
                        "clone task fails",
                        Phase.CLONE,
                        2,
                        Who.ANY_NODE,
                        "clone failed: simulated failure of qmclone",
                        (lab, spec) -> failTask(lab, Phase.CLONE, "qmclone")),
                fault(
                        "config task fails, and so do its re-sends",
                        Phase.CONFIGURE,
                        1,
                        Who.ANY_NODE,
                        "simulated failure of qmconfig",
                        (lab, spec) -> hook(lab, Phase.CONFIGURE, null, lab::failAGuestsConfigs)),
                fault(
                        "start task fails",
                        Phase.START,
                        1,
                        Who.ANY_NODE,
                        "simulated failure of qmstart",
                        (lab, spec) -> hook(lab, Phase.START, null, lab::failAGuestsStarts)),
                fault(
                        "guest agent never answers",
                        Phase.ADDRESS,
                        2,
                        Who.ANY_NODE,
                        "should report an IPv4 address on vmbr0",
                        FaultCases::agentNeverUp),
                fault(
                        "another machine answers SSH on the guest's address",
                        Phase.SSH,
                        2,
                        Who.ANY_NODE,
                        "is not one of the keys the guest agent read inside the guest",
                        FaultCases::impostor));
    }

    private static Stream<Arguments> guestAndClusterFaults() {
        return Stream.of(
                fault(
                        "guest loses /dev/kvm before the nesting check",
                        Phase.NESTING_CHECK,
                        1,
                        Who.FIRST,
                        "/dev/kvm is missing",
                        (lab, spec) -> dropKvm(lab, Phase.NESTING_CHECK)),
                fault(
                        "guest loses /dev/kvm before the inner smoke VM starts",
                        Phase.SMOKE_CHECK,
                        1,
                        Who.FIRST,
                        NO_KVM,
                        (lab, spec) -> dropKvm(lab, Phase.SMOKE_CHECK)),
                fault(
                        "cluster create fails, and so do its re-sends",
                        Phase.CLUSTER_CREATE,
                        2,
                        Who.FIRST,
                        "simulated failure of clustercreate",
                        (lab, spec) -> failCreates(lab)),
                fault(
                        "first join fails on the corosync lock",
                        Phase.JOIN,
                        2,
                        Who.SECOND,
                        CFS_LOCK,
                        (lab, spec) -> joinFails(lab, spec, 2)),
                fault(
                        "second join fails on the corosync lock",
                        Phase.JOIN,
                        3,
                        Who.THIRD,
                        CFS_LOCK,
                        (lab, spec) -> joinFails(lab, spec, 3)),
                fault(
                        "quorum never complete: a node goes down",
                        Phase.QUORUM,
                        3,
                        Who.NONE,
                        "offline [",
                        FaultCases::nodeDown),
                fault(
                        "teardown itself fails once (stop, destroy twice)",
                        Phase.CLUSTER_CREATE,
                        2,
                        Who.FIRST,
                        "simulated failure of clustercreate",
                        FaultCases::teardownFails));
    }

    private static Arguments fault(
            String name,
            Phase phase,
            int nodes,
            Who who,
            String cause,
            BiFunction<SimLab, ClusterSpecBuilder, Injection> setup) {
        return arguments(named(name, new Fault(phase, nodes, who, cause, setup)));
    }

    /** How often the cluster create is sent at most: once and two re-sends (ClusterMembership). */
    private static final int CREATES = 3;

    static Injection hook(SimLab lab, Phase phase, String node, Runnable action) {
        return new Injection(lab.guest(), new PhaseHook(phase, node, action));
    }

    private static Injection failTask(SimLab lab, Phase phase, String type) {
        return hook(lab, phase, null, () -> lab.sim.faults().failNextTask(type));
    }

    /** The cluster create and all its re-sends fail (a failed create is re-sent when node 1 has no cluster). */
    private static Injection failCreates(SimLab lab) {
        return hook(lab, Phase.CLUSTER_CREATE, null, () -> {
            for (int i = 0; i < CREATES; i++) {
                lab.sim.faults().failNextTask("clustercreate");
            }
        });
    }

    private static Injection badSpec(SimLab lab, ClusterSpecBuilder spec) {
        spec.bridge("vmbr7").templateVmid(4242);
        return new Injection(lab.guest(), ProgressListener.NOOP);
    }

    /** Its own VMID range, so that the permanent fault touches no other case. */
    private static Injection agentNeverUp(SimLab lab, ClusterSpecBuilder spec) {
        spec.vmidRange(81000, 81009).timeouts(SimLab.TIMEOUTS.withBoot(Duration.ofSeconds(1)));
        for (int id = 81000; id <= 81009; id++) {
            lab.sim.faults().agentNeverUp(id);
        }
        return new Injection(lab.guest(), ProgressListener.NOOP);
    }

    /** Its own VMID range, so that the permanent impostor touches no other case. */
    private static Injection impostor(SimLab lab, ClusterSpecBuilder spec) {
        spec.vmidRange(81010, 81019);
        for (int id = 81010; id <= 81019; id++) {
            lab.sim.faults().sshImpostor(id);
        }
        return new Injection(lab.guest(), ProgressListener.NOOP);
    }

    private static Injection dropKvm(SimLab lab, Phase phase) {
        return hook(lab, phase, null, () -> lab.sim.guests().forEach(g -> g.fs().delete("/dev/kvm")));
    }

    private static Injection joinFails(SimLab lab, ClusterSpecBuilder spec, int index) {
        String node = spec.build().nodeName(index);
        return hook(lab, Phase.JOIN, node, () -> lab.sim.faults().failNextTask("clusterjoin", CFS_LOCK));
    }

    private static Injection nodeDown(SimLab lab, ClusterSpecBuilder spec) {
        spec.timeouts(SimLab.TIMEOUTS.withQuorum(Duration.ofSeconds(1)));
        String third = spec.build().nodeName(3);
        return hook(
                lab,
                Phase.QUORUM,
                null,
                () -> lab.sim.guests().stream()
                        .filter(g -> g.nodeName().equals(third))
                        .forEach(g -> g.powerOff()));
    }

    private static Injection teardownFails(SimLab lab, ClusterSpecBuilder spec) {
        ProgressListener create = failCreates(lab).hook();
        ProgressListener teardown = new PhaseHook(
                Phase.TEARDOWN,
                null,
                () -> lab.sim
                        .faults()
                        .failNextTask("qmstop", "VM quit/powerdown failed - got timeout")
                        .failNextTask("qmdestroy", "VM is locked (backup)")
                        .failNextTask("qmdestroy", "VM is locked (backup)"));
        return new Injection(lab.guest(), ProgressListener.composite(create, teardown));
    }
}
