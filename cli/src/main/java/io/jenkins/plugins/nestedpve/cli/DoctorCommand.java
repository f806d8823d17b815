package io.jenkins.plugins.nestedpve.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.nestedpve.NestedPveException;
import io.jenkins.plugins.nestedpve.pve.Fingerprint;
import io.jenkins.plugins.nestedpve.pve.PveAuthException;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.TofuFingerprintProbe;
import io.jenkins.plugins.nestedpve.pve.VersionInfo;
import io.jenkins.plugins.nestedpve.spec.HostRef;
import io.jenkins.plugins.nestedpve.ssh.SshConnector;
import io.jenkins.plugins.nestedpve.ssh.SshTimeouts;
import io.jenkins.plugins.nestedpve.wait.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nestedpve doctor -f cluster.yaml}: is the physical host ready for nested clusters? */
@Command(
        name = "doctor",
        mixinStandardHelpOptions = true,
        description = {
            "Check a physical PVE host against a spec file without changing anything: API reachable and"
                    + " fingerprint, token and its privileges, template, storage, bridge, free memory, VMID range,"
                    + " nesting (over SSH).",
            "Each check prints PASS, WARN, FAIL or SKIP (not checked: it needs what failed); exits 5 when any"
                    + " check fails."
        })
final class DoctorCommand implements Callable<Integer> {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

    private final CliContext ctx;

    @Option(
            names = {"-f", "--file"},
            required = true,
            paramLabel = "SPEC",
            description = "The cluster spec (YAML).")
    String file;

    @Mixin
    RequestLogOption requestLog = new RequestLogOption();

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    DoctorCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        LoadedSpec loaded = SpecFiles.loadForHost(ctx, file, "nestedpve doctor");
        loaded.warnings().forEach(w -> ctx.err().println("warning: " + w));
        List<Check> checks;
        try (ClientRequestLog log = requestLog.open(ctx)) {
            checks = checks(loaded, log);
        }
        print(checks);
        return checks.stream().anyMatch(c -> c.status() == Check.Status.FAIL) ? ExitCodes.DOCTOR_FAILED : ExitCodes.OK;
    }

    private List<Check> checks(LoadedSpec loaded, ClientRequestLog log) {
        List<Check> checks = new ArrayList<>();
        checks.add(Check.pass(
                "spec",
                loaded.file() + " is valid (" + loaded.spec().nodes() + " nodes, "
                        + loaded.spec().template() + ", nesting "
                        + loaded.spec().nesting().label() + ")"));
        HostRef host = loaded.spec().host();
        if (!reachable(host, checks)) {
            return checks;
        }
        try (PveClient pve = HostApi.open(host, loaded.hostCredentials(), ctx.clock(), log)) {
            Optional<VersionInfo> version = token(pve, loaded, checks);
            if (version.isEmpty()) {
                return checks;
            }
            checks.addAll(new HostDoctor(loaded.spec(), pve).run(version.get()));
            SshConnector ssh = new SshConnector(SshTimeouts.DEFAULTS, ctx.clock(), Sleeper.SYSTEM);
            String node = host.node();
            checks.add(NestingDoctor.check(loaded, ssh, () -> (int) pve.vms(node).stream()
                    .filter(v -> "running".equals(v.status()))
                    .count()));
        }
        return checks;
    }

    /** The API answers TLS, and its certificate is the pinned one (shown when it is not). */
    private boolean reachable(HostRef host, List<Check> checks) {
        Fingerprint served;
        try {
            served = TofuFingerprintProbe.readServedFingerprint(HostApi.host(host), HostApi.port(host), PROBE_TIMEOUT);
        } catch (NestedPveException e) {
            checks.add(Check.fail("api", "cannot reach " + host.apiUrl() + ": " + e.getMessage()));
            return false;
        }
        if (!served.matches(Fingerprint.parse(host.apiFingerprint()))) {
            checks.add(Check.fail(
                    "api",
                    host.apiUrl() + " serves a certificate with fingerprint\n" + served.value()
                            + "\nbut host.fingerprint is\n"
                            + host.apiFingerprint().toUpperCase(java.util.Locale.ROOT)
                            + "\nIf the served one is your host's (compare with 'pvenode cert info' on the host), set"
                            + " host.fingerprint to it; otherwise something else answers at this address."));
            return false;
        }
        checks.add(Check.pass("api", host.apiUrl() + " answers with the pinned certificate"));
        return true;
    }

    private static Optional<VersionInfo> token(PveClient pve, LoadedSpec loaded, List<Check> checks) {
        String id = loaded.hostCredentials().apiTokenId();
        try {
            VersionInfo v = pve.version();
            checks.add(Check.pass("token", id + " is accepted; PVE " + v.version()));
            return Optional.of(v);
        } catch (PveAuthException e) {
            checks.add(
                    Check.fail(
                            "token",
                            "the host refused " + id + " (" + e.getMessage() + ") — check host.tokenId"
                                    + " and the secret in host.tokenEnv/tokenFile; create a token with 'pveum user token add'"));
        } catch (NestedPveException e) {
            checks.add(Check.fail("token", "calling the API as " + id + " failed: " + e.getMessage()));
        }
        return Optional.empty();
    }

    private void print(List<Check> checks) {
        if (json) {
            ObjectNode doc = Json.MAPPER.createObjectNode();
            doc.put("spec", file);
            ArrayNode list = doc.putArray("checks");
            checks.forEach(c -> list.addObject()
                    .put("check", c.name())
                    .put("status", c.status().name())
                    .put("message", c.message()));
            doc.put(
                    "failures",
                    checks.stream().filter(c -> c.status() == Check.Status.FAIL).count());
            doc.put(
                    "warnings",
                    checks.stream().filter(c -> c.status() == Check.Status.WARN).count());
            Json.print(ctx.out(), doc);
            return;
        }
        checks.forEach(c -> ctx.out().println(c.line()));
        long failures =
                checks.stream().filter(c -> c.status() == Check.Status.FAIL).count();
        ctx.out().println(failures == 0 ? "doctor: ready" : "doctor: " + failures + " check(s) failed");
    }
}
