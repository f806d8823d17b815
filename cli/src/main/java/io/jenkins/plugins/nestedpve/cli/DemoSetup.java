package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.cluster.HostCredentials;
import io.jenkins.plugins.nestedpve.cluster.Secret;
import io.jenkins.plugins.nestedpve.host.NestingPolicy;
import io.jenkins.plugins.nestedpve.lifecycle.EngineContext;
import io.jenkins.plugins.nestedpve.lifecycle.PveClientFactory;
import io.jenkins.plugins.nestedpve.pve.RetryPolicy;
import io.jenkins.plugins.nestedpve.sim.Simulator;
import io.jenkins.plugins.nestedpve.sim.shell.HostKeys;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.spec.HostRef;
import io.jenkins.plugins.nestedpve.spec.HostSshTarget;
import io.jenkins.plugins.nestedpve.ssh.SshConnector;
import io.jenkins.plugins.nestedpve.ssh.SshTimeouts;
import io.jenkins.plugins.nestedpve.wait.Backoff;
import io.jenkins.plugins.nestedpve.wait.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * What the demo provisions on its embedded simulator: the spec and credentials a user would write
 * for a real host (API token, pinned TLS and SSH fingerprints, the template's root password),
 * taken from the simulator's coordinates.
 */
final class DemoSetup {
    /** Memory of each demo guest. */
    static final int MEMORY_MIB = 4096;

    private DemoSetup() {}

    static ClusterSpec spec(Simulator sim, int nodes, double scale, UUID installation, String owner) {
        Map<String, String> keys = HostKeys.fingerprints(sim.host().fs());
        String hostKey = keys.getOrDefault("ed25519", keys.values().iterator().next());
        HostRef host = new HostRef(
                sim.apiUrl(),
                sim.hostNode(),
                sim.fingerprint(),
                new HostSshTarget(sim.hostAddress(), sim.hostSshPort(), "root", hostKey));
        return ClusterSpec.builder()
                .host(host)
                .templateVmid(sim.template().vmid())
                .nodes(nodes)
                .cores(2)
                .memoryMiB(MEMORY_MIB)
                .nesting(NestingPolicy.REQUIRE)
                .vmidRange(80_000, 80_999)
                .timeouts(DemoTimeouts.scaled(scale))
                .guestSshPort(sim.guestSshPort())
                .guestApiPort(sim.apiPort())
                .owner(owner)
                .buildRef("nestedpve demo")
                .installationId(installation)
                .build();
    }

    /**
     * The engine for a simulator whose latencies are scaled: the client's own polling (task status,
     * guest agent, SSH while booting, quorum) shrinks by the same factor, within sane bounds, so
     * the simulated timeline is not dominated by poll intervals sized for real hardware.
     */
    static EngineContext engineContext(UUID installation, Clock clock, double scale) {
        Backoff poll = scaled(EngineContext.DEFAULT_POLL, scale);
        Backoff taskPoll = scaled(Backoff.TASK_POLL, scale);
        SshTimeouts ssh = SshTimeouts.DEFAULTS.withRetryBackoff(scaled(SshTimeouts.DEFAULTS.retryBackoff(), scale));
        return EngineContext.builder(installation)
                .clock(clock)
                .poll(poll)
                .pveClients(PveClientFactory.standard(clock, Sleeper.SYSTEM, RetryPolicy.DEFAULT, taskPoll))
                .ssh(new SshConnector(ssh, clock, Sleeper.SYSTEM))
                .build();
    }

    /** {@code b} times {@code 5 × scale} (at most unchanged), never below 20 ms initial and 200 ms cap. */
    static Backoff scaled(Backoff b, double scale) {
        double f = Math.min(1.0, scale * 5);
        Duration initial = max(
                Duration.ofMillis(20), Duration.ofNanos(Math.round(b.initial().toNanos() * f)));
        Duration cap =
                max(Duration.ofMillis(200), Duration.ofNanos(Math.round(b.cap().toNanos() * f)));
        return new Backoff(initial, b.factor(), max(initial, cap));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    static HostCredentials hostCredentials(Simulator sim) {
        return HostCredentials.apiToken(sim.tokenId(), Secret.of(sim.tokenSecret()))
                .sshPassword("root", Secret.of(sim.hostRootPassword()))
                .build();
    }
}
