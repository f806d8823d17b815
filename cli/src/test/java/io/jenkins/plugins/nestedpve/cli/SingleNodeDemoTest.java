package io.jenkins.plugins.nestedpve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 1-node demo is a standalone PVE node, and says so. */
class SingleNodeDemoTest {
    @TempDir
    static Path dir;

    static CliHarness.Result result;

    @BeforeAll
    static void runDemo() {
        result = new CliHarness(dir).run("demo", "--nodes", "1", "--latency-scale", "0.01");
    }

    @Test
    void exitsZero() {
        assertThat(result.exitCode()).as(result.err()).isZero();
    }

    @Test
    void countsOneGuestInTheSingular() {
        assertThat(result.out() + result.err())
                .contains("(1 PVE 8.4 guest from")
                .doesNotContain("1 PVE 8.4 guests");
    }

    @Test
    void doesNotCallAStandaloneNodeQuorate() {
        assertThat(result.out() + result.err())
                .contains("the standalone PVE node of", "checking the standalone node over SSH")
                .doesNotContain("quorate");
    }
}
