package io.jenkins.plugins.nestedpve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.nestedpve.sim.Simulator;
import io.jenkins.plugins.nestedpve.sim.TemplateSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

/** A simulator for a test class, with a spec file pointing at it. */
final class SimFixture implements AutoCloseable {
    static final double SCALE = 0.01;

    final Simulator sim;

    SimFixture(Simulator.Builder builder) {
        this.sim = builder.latencyScale(SCALE).template(TemplateSpec.pve84()).start();
    }

    SimFixture() {
        this(Simulator.builder());
    }

    /** Writes {@code <dir>/cluster.yaml} (and its secret files) for {@code nodes} nodes. */
    Path spec(Path dir, int nodes) {
        Path spec = dir.resolve("cluster.yaml");
        try {
            SimSpecWriter.write(sim, spec, nodes, SCALE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return spec;
    }

    /** Asserts that no VM but the templates and no guest machine is left (after the last power-off). */
    void assertNothingLeft() {
        try {
            sim.await(() -> Leftovers.find(sim).isEmpty(), Duration.ofSeconds(10), "nothing left");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // reported by the assertion
        }
        assertThat(Leftovers.find(sim)).isEmpty();
    }

    @Override
    public void close() {
        sim.close();
    }
}
