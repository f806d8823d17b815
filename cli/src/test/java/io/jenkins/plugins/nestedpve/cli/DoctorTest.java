package io.jenkins.plugins.nestedpve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.nestedpve.sim.CpuVendor;
import io.jenkins.plugins.nestedpve.sim.Simulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorTest {
    static SimFixture ready;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSimulator() {
        ready = new SimFixture();
    }

    @AfterAll
    static void stopSimulator() {
        ready.close();
    }

    @Test
    void readyHostPassesEveryCheck() {
        CliHarness.Result r =
                new CliHarness(dir).run("doctor", "-f", ready.spec(dir, 3).toString());

        assertThat(r.exitCode()).as(r.all()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).anyMatch(l -> l.startsWith("PASS  api"));
        assertThat(lines).anyMatch(l -> l.startsWith("PASS  token"));
        assertThat(lines).anyMatch(l -> l.startsWith("PASS  template"));
        assertThat(lines).anyMatch(l -> l.startsWith("PASS  storage"));
        assertThat(lines).anyMatch(l -> l.startsWith("PASS  bridge"));
        assertThat(lines).anyMatch(l -> l.startsWith("PASS  memory"));
        assertThat(lines).anyMatch(l -> l.startsWith("PASS  privileges"));
        assertThat(lines).anyMatch(l -> l.startsWith("PASS  nesting") && l.contains("kvm_intel nested=Y"));
        assertThat(r.out()).doesNotContain("FAIL").endsWith("doctor: ready\n");
    }

    @Test
    void wrongFingerprintFailsAndShowsTheServedOne() throws IOException {
        Path spec = ready.spec(dir, 3);
        String wrong = String.join(":", java.util.Collections.nCopies(32, "00"));
        Files.writeString(spec, Files.readString(spec).replace(ready.sim.fingerprint(), wrong));

        CliHarness.Result r = new CliHarness(dir).run("doctor", "-f", spec.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.DOCTOR_FAILED);
        assertThat(r.out()).contains("FAIL  api", ready.sim.fingerprint(), "set host.fingerprint");
    }

    @Test
    void missingTemplateFails() throws IOException {
        Path spec = ready.spec(dir, 3);
        Files.writeString(spec, Files.readString(spec).replace("template: 9000", "template: 9999"));

        CliHarness.Result r = new CliHarness(dir).run("doctor", "-f", spec.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.DOCTOR_FAILED);
        assertThat(r.out()).contains("FAIL  template", "template 9999 was not found on", "9000 'pve84-tmpl'");
    }

    @Test
    void aMissingTemplateLeavesStorageUncheckedAndSaysSo() throws IOException {
        Path spec = ready.spec(dir, 3);
        Files.writeString(spec, Files.readString(spec).replace("template: 9000", "template: 9999"));

        CliHarness.Result r = new CliHarness(dir).run("doctor", "-f", spec.toString());

        assertThat(r.out()).doesNotContain("PASS  storage").contains("SKIP  storage");
    }

    @Test
    void theRequestLogHasEveryApiRequestWithoutSecrets() throws IOException {
        Path log = dir.resolve("requests.jsonl");

        CliHarness.Result r =
                new CliHarness(dir).run("doctor", "-f", ready.spec(dir, 3).toString(), "--request-log", log.toString());

        assertThat(r.exitCode()).as(r.all()).isZero();
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"method\":\"GET\"", "\"path\":\"/version\""));
        assertThat(String.join("\n", lines)).doesNotContain(ready.sim.tokenSecret());
    }

    @Test
    void aWrongTokenStillPrintsTheTable() throws IOException {
        Path spec = ready.spec(dir, 3);
        Path wrong = SecretFiles.write(dir.resolve("wrong.token"), "00000000-0000-0000-0000-000000000000");
        Files.writeString(
                spec,
                Files.readString(spec).replace("tokenFile: cluster.yaml.token", "tokenFile: " + wrong.getFileName()));

        CliHarness.Result r = new CliHarness(dir).run("doctor", "-f", spec.toString());

        assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.DOCTOR_FAILED);
        assertThat(r.out()).contains("PASS  api", "FAIL  token", "check the token id");
    }

    @Test
    void aMissingGuestPasswordVariableDoesNotStopDoctor() throws IOException {
        Path spec = ready.spec(dir, 3);
        Files.writeString(
                spec,
                Files.readString(spec)
                        .replace("rootPasswordFile: cluster.yaml.guest-password", "rootPasswordEnv: NO_SUCH_VARIABLE"));

        CliHarness.Result r = new CliHarness(dir).run("doctor", "-f", spec.toString());

        assertThat(r.exitCode()).as(r.all()).isZero();
    }

    @Test
    void unknownBridgeFailsAndListsTheBridges() throws IOException {
        Path spec = ready.spec(dir, 3);
        Files.writeString(spec, Files.readString(spec) + "bridge: vmbr9\n");

        CliHarness.Result r = new CliHarness(dir).run("doctor", "-f", spec.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.DOCTOR_FAILED);
        assertThat(r.out()).contains("FAIL  bridge", "bridge 'vmbr9' does not exist on", "vmbr0");
    }

    @Test
    void jsonOutputListsEveryCheck() throws IOException {
        CliHarness.Result r =
                new CliHarness(dir).run("doctor", "-f", ready.spec(dir, 3).toString(), "--json");

        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("failures").asInt()).isZero();
        assertThat(doc.get("checks").findValuesAsText("check"))
                .contains(
                        "api",
                        "token",
                        "node",
                        "template",
                        "storage",
                        "bridge",
                        "memory",
                        "cores",
                        "vmids",
                        "privileges",
                        "nesting");
    }

    @Test
    void nestingOffOnIntelFailsWithTheIntelRemediation() {
        try (SimFixture off = new SimFixture(Simulator.builder().hostNesting(false))) {
            CliHarness.Result r =
                    new CliHarness(dir).run("doctor", "-f", off.spec(dir, 3).toString());

            assertThat(r.exitCode()).isEqualTo(ExitCodes.DOCTOR_FAILED);
            assertThat(r.out())
                    .contains("FAIL  nesting", "/sys/module/kvm_intel/parameters/nested reads N")
                    .contains("echo \"options kvm-intel nested=Y\" >> /etc/modprobe.d/kvm-intel.conf")
                    .contains("modprobe -r kvm_intel && modprobe kvm_intel");
        }
    }

    @Test
    void nestingOffOnAmdFailsWithTheAmdRemediation() {
        try (SimFixture off =
                new SimFixture(Simulator.builder().cpuVendor(CpuVendor.AMD).hostNesting(false))) {
            CliHarness.Result r =
                    new CliHarness(dir).run("doctor", "-f", off.spec(dir, 3).toString());

            assertThat(r.exitCode()).isEqualTo(ExitCodes.DOCTOR_FAILED);
            assertThat(r.out())
                    .contains("FAIL  nesting", "/sys/module/kvm_amd/parameters/nested reads 0")
                    .contains("echo \"options kvm-amd nested=1\" >> /etc/modprobe.d/kvm-amd.conf")
                    .contains("modprobe -r kvm_amd && modprobe kvm_amd");
        }
    }

    @Test
    void withoutHostSshNestingIsAWarningWithBothRemediations() throws IOException {
        Path spec = ready.spec(dir, 3);
        String text = Files.readString(spec);
        String withoutSsh = text.substring(0, text.indexOf("  ssh:")) + text.substring(text.indexOf("template:"));
        Files.writeString(spec, withoutSsh);

        CliHarness.Result r = new CliHarness(dir).run("doctor", "-f", spec.toString());

        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).contains("WARN  nesting", "options kvm-intel nested=Y", "options kvm-amd nested=1");
    }
}
