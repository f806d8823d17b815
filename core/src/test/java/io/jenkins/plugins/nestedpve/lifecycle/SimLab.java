package io.jenkins.plugins.nestedpve.lifecycle;

import io.jenkins.plugins.nestedpve.cluster.GuestCredentials;
import io.jenkins.plugins.nestedpve.cluster.HostCredentials;
import io.jenkins.plugins.nestedpve.cluster.Secret;
import io.jenkins.plugins.nestedpve.engine.NestedPveEngine;
import io.jenkins.plugins.nestedpve.ledger.InMemoryLedger;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.PveCredentials;
import io.jenkins.plugins.nestedpve.pve.RetryPolicy;
import io.jenkins.plugins.nestedpve.pve.testsupport.SchemaAudit;
import io.jenkins.plugins.nestedpve.sim.Simulator;
import io.jenkins.plugins.nestedpve.sim.model.SimVm;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.spec.ClusterSpecBuilder;
import io.jenkins.plugins.nestedpve.spec.HostRef;
import io.jenkins.plugins.nestedpve.spec.HostSshTarget;
import io.jenkins.plugins.nestedpve.spec.Timeouts;
import io.jenkins.plugins.nestedpve.ssh.SshConnector;
import io.jenkins.plugins.nestedpve.ssh.SshTimeouts;
import io.jenkins.plugins.nestedpve.wait.Backoff;
import io.jenkins.plugins.nestedpve.wait.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A simulated physical host plus an engine wired to it for tests: the simulator's latencies are
 * scaled down, and the engine polls with millisecond backoffs, so minutes of PVE run in well under a
 * second. Timeouts are real-time bounds sized for a loaded CI machine.
 */
final class SimLab implements AutoCloseable {
    static final Backoff FAST = new Backoff(Duration.ofMillis(5), 2.0, Duration.ofMillis(50));
    static final RetryPolicy FAST_RETRY =
            new RetryPolicy(5, new Backoff(Duration.ofMillis(10), 2.0, Duration.ofMillis(100)));
    static final SshTimeouts SSH = new SshTimeouts(
            Duration.ofSeconds(5),
            Duration.ofSeconds(30),
            Duration.ofSeconds(5),
            3,
            Duration.ofSeconds(15),
            Duration.ofSeconds(10),
            Duration.ofSeconds(10),
            new Backoff(Duration.ofMillis(10), 2.0, Duration.ofMillis(200)));
    /** Generous real-time bounds; nothing in the simulator comes near them. */
    static final Timeouts TIMEOUTS = new Timeouts(
            Duration.ofSeconds(30),
            Duration.ofSeconds(30),
            Duration.ofSeconds(30),
            Duration.ofSeconds(30),
            Duration.ofSeconds(30),
            Duration.ofSeconds(30),
            Duration.ofSeconds(60),
            Duration.ofSeconds(120));

    private static final AtomicInteger CLUSTERS = new AtomicInteger();

    final Simulator sim;
    final UUID installation = UUID.randomUUID();
    final InMemoryLedger ledger = new InMemoryLedger();
    final EngineContext ctx;
    final NestedPveEngine engine;

    SimLab(Simulator sim) {
        this.sim = sim;
        Clock clock = Clock.systemUTC();
        this.ctx = EngineContext.builder(installation)
                .clock(clock)
                .sleeper(Sleeper.SYSTEM)
                .ledger(ledger)
                .pveClients(PveClientFactory.standard(clock, Sleeper.SYSTEM, FAST_RETRY, FAST))
                .ssh(new SshConnector(SSH, clock, Sleeper.SYSTEM))
                .poll(FAST)
                // a fault fails the provisioning here, as the fault tests expect; NodeReplacementTest heals
                .replacements(0)
                .build();
        this.engine = new NestedPveEngine(ctx);
    }

    /** Start tasks one guest sends: the first and two more after failures (the engine's ReconciledWrites). */
    static final int STARTS_PER_GUEST = 3;
    /** How often a guest's config change is sent at most: once and three re-sends (BootPhase). */
    static final int CONFIGS_PER_GUEST = 4;

    /** Every start of one guest fails, so its START phase fails. */
    /** A guest's config change sent, and re-sent after each failed task, all fail (1 + 3 re-sends). */
    void failAGuestsConfigs() {
        for (int i = 0; i < CONFIGS_PER_GUEST; i++) {
            sim.faults().failNextTask("qmconfig");
        }
    }

    void failAGuestsStarts() {
        for (int i = 0; i < STARTS_PER_GUEST; i++) {
            sim.faults().failNextTask("qmstart");
        }
    }

    /** A simulator with latencies scaled by {@code scale}. */
    static Simulator.Builder simulator(double scale) {
        return Simulator.builder().latencyScale(scale).vmidRange(80000, 80999);
    }

    HostRef host() {
        return HostRef.of(sim.apiUrl(), sim.hostNode(), sim.fingerprint());
    }

    /** The host with SSH access, its ed25519 host key pinned by the fingerprint the simulator reports. */
    HostRef hostWithSsh() {
        return host().withSsh(
                        new HostSshTarget(sim.hostAddress(), sim.hostSshPort(), "root", sim.hostSshFingerprint()));
    }

    HostCredentials token() {
        return HostCredentials.apiToken(sim.tokenId(), Secret.of(sim.tokenSecret()))
                .build();
    }

    HostCredentials tokenAndSsh() {
        return HostCredentials.apiToken(sim.tokenId(), Secret.of(sim.tokenSecret()))
                .sshPassword("root", Secret.of(sim.hostRootPassword()))
                .build();
    }

    /**
     * No template credentials: the engine reaches a new guest with a per-cluster key placed through
     * the guest agent, so the suite passes none to prove nothing depends on them.
     */
    GuestCredentials guest() {
        return null;
    }

    /** A spec for this lab: template 9000, small guests, a unique cluster name, the default VMID range. */
    ClusterSpecBuilder spec(int nodes) {
        return ClusterSpec.builder()
                .host(host())
                .templateVmid(sim.template().vmid())
                .nodes(nodes)
                .cores(2)
                .memoryMiB(2048)
                .clusterName("np-t" + CLUSTERS.incrementAndGet())
                .vmidRange(80000, 80999)
                .guestSshPort(sim.guestSshPort())
                .guestApiPort(sim.apiPort())
                .timeouts(TIMEOUTS)
                .owner("lifecycle-test")
                .buildRef("test#" + CLUSTERS.get())
                .installationId(installation);
    }

    /** A token client of the host, for checks. */
    PveClient hostClient() {
        return ctx.pveClients()
                .connect(
                        sim.hostAddress(),
                        sim.apiPort(),
                        sim.hostNode(),
                        io.jenkins.plugins.nestedpve.pve.Fingerprint.parse(sim.fingerprint()),
                        PveCredentials.ApiToken.of(sim.tokenId(), sim.tokenSecret()));
    }

    /** VMs on the host other than templates. */
    List<SimVm> guestVms() {
        return sim.vms().stream().filter(v -> !v.isTemplate()).toList();
    }

    /** VMs on the host whose description carries this lab's installation id. */
    List<SimVm> ourVms() {
        return guestVms().stream()
                .filter(v -> String.valueOf(v.get("description")).contains(installation.toString()))
                .toList();
    }

    /**
     * Closes the simulator, then fails if any request it received during the test broke the
     * official PVE API schema (host 9.1, guests 8.4): every lifecycle test doubles as a check that
     * the engine only sends requests real PVE accepts.
     */
    @Override
    public void close() {
        List<String> violations = schemaViolations();
        sim.close();
        if (!violations.isEmpty()) {
            throw new AssertionError(
                    "requests that violate the official PVE API schema:\n" + String.join("\n", violations));
        }
    }

    private List<String> schemaViolations() {
        String host = sim.hostAddress() + ":";
        return SchemaAudit.violations(sim, e -> e.server().startsWith(host) ? "9.1" : "8.4");
    }
}
