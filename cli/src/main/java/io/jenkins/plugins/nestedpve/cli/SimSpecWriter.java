package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.sim.Simulator;
import io.jenkins.plugins.nestedpve.sim.shell.HostKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a spec file for a running {@link Simulator}, so that {@code run}, {@code up}, {@code down},
 * {@code reap} and {@code doctor} can be tried against it. The simulator's secrets go into files next
 * to the spec (mode 600), referenced by {@code tokenFile}, {@code passwordFile} and {@code
 * rootPasswordFile}, never into the spec itself.
 */
public final class SimSpecWriter {
    private SimSpecWriter() {}

    /**
     * Writes {@code spec} (and its secret files {@code <spec>.token}, {@code <spec>.host-password},
     * {@code <spec>.guest-password}).
     *
     * @param nodes the node count to put in the spec
     * @param latencyScale the simulator's latency scale; the spec's timeouts shrink with it
     */
    public static void write(Simulator sim, Path spec, int nodes, double latencyScale) throws IOException {
        Path dir = spec.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String base = spec.getFileName().toString();
        Path token = SecretFiles.write(dir.resolve(base + ".token"), sim.tokenSecret());
        Path hostPassword = SecretFiles.write(dir.resolve(base + ".host-password"), sim.hostRootPassword());
        Path guestPassword = SecretFiles.write(dir.resolve(base + ".guest-password"), sim.guestRootPassword());
        Map<String, String> keys = HostKeys.fingerprints(sim.host().fs());
        String hostKey =
                keys.getOrDefault("ed25519", keys.values().stream().findFirst().orElse(""));
        String yaml = String.join(
                "\n",
                "# A cluster spec for the simulated PVE host at " + sim.apiUrl() + " (nestedpve sim).",
                "# The secrets are in the files next to this one; see docs/spec-reference.md.",
                "host:",
                "  apiUrl: " + sim.apiUrl(),
                "  node: " + sim.hostNode(),
                "  fingerprint: \"" + sim.fingerprint() + "\"",
                "  tokenId: \"" + sim.tokenId() + "\"",
                "  tokenFile: " + token.getFileName(),
                "  ssh:",
                "    host: " + sim.hostAddress(),
                "    port: " + sim.hostSshPort(),
                "    user: root",
                "    hostKeyFingerprint: \"" + hostKey + "\"",
                "    passwordFile: " + hostPassword.getFileName(),
                "template: " + sim.template().vmid(),
                "nodes: " + nodes,
                "cores: 2",
                "memoryMiB: 4096",
                "vmidRange: 80000-80999",
                "nesting: require",
                "guest:",
                "  rootPasswordFile: " + guestPassword.getFileName(),
                "  sshPort: " + sim.guestSshPort(),
                "  apiPort: " + sim.apiPort(),
                "timeouts:",
                timeouts(latencyScale),
                "");
        Files.writeString(spec, yaml, StandardCharsets.UTF_8);
    }

    /** Real-hardware timeouts scaled like the simulator's latencies, never below a few seconds of real overhead. */
    static String timeouts(double scale) {
        return String.join(
                "\n",
                "  cloneTask: " + scaled(Duration.ofMinutes(15), scale),
                "  boot: " + scaled(Duration.ofMinutes(5), scale),
                "  ssh: " + scaled(Duration.ofMinutes(3), scale),
                "  command: " + scaled(Duration.ofMinutes(3), scale),
                "  join: " + scaled(Duration.ofMinutes(5), scale),
                "  quorum: " + scaled(Duration.ofMinutes(3), scale),
                "  teardown: " + scaled(Duration.ofMinutes(10), scale),
                "  overall: " + scaled(Duration.ofMinutes(60), scale));
    }

    static String scaled(Duration realistic, double scale) {
        long seconds = Math.max(DemoTimeouts.FLOOR.toSeconds(), Math.round(realistic.toSeconds() * scale));
        return String.format(Locale.ROOT, "%ds", seconds);
    }
}
