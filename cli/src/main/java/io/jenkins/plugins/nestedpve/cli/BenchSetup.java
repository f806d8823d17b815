package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.lifecycle.EngineContext;
import io.jenkins.plugins.nestedpve.lifecycle.PveClientFactory;
import io.jenkins.plugins.nestedpve.pve.RetryPolicy;
import io.jenkins.plugins.nestedpve.sim.Simulator;
import io.jenkins.plugins.nestedpve.sim.TemplateSpec;
import io.jenkins.plugins.nestedpve.sim.model.InjectedLatency;
import io.jenkins.plugins.nestedpve.ssh.SshConnector;
import io.jenkins.plugins.nestedpve.ssh.SshTimeouts;
import io.jenkins.plugins.nestedpve.wait.Backoff;
import io.jenkins.plugins.nestedpve.wait.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * The bench's simulator and engine. The engine keeps its real-hardware poll intervals and backoffs;
 * its sleeper sleeps each of them times the latency scale and accounts the sleep as injected
 * latency, so that on the simulated clock a poll interval counts at its real-hardware length, like
 * the simulator's own latencies.
 */
final class BenchSetup {
    private BenchSetup() {}

    static Simulator simulator(double scale) {
        return Simulator.builder()
                .latencyScale(scale)
                .template(TemplateSpec.pve84())
                .start();
    }

    static EngineContext engineContext(Simulator sim, UUID installation, Clock clock) {
        Sleeper sleeper = accounted(sim);
        return EngineContext.builder(installation)
                .clock(clock)
                .sleeper(sleeper)
                .pveClients(PveClientFactory.standard(clock, sleeper, RetryPolicy.DEFAULT, Backoff.TASK_POLL))
                .ssh(new SshConnector(SshTimeouts.DEFAULTS, clock, sleeper))
                .build();
    }

    /** Sleeps {@code d × scale} of real time, accounted as injected latency of {@code d}. */
    static Sleeper accounted(Simulator sim) {
        InjectedLatency injected = sim.env().injected();
        return d -> {
            Duration real = sim.latency().scale(d);
            injected.begin();
            try {
                Sleeper.SYSTEM.sleep(real);
            } finally {
                injected.end();
            }
        };
    }
}
