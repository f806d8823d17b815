package io.jenkins.plugins.nestedpve.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StandaloneMainTest {
    @Test
    void startupPrintsWhatAClientNeedsAndTheApiAnswers() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (Simulator sim = StandaloneMain.start(
                new String[] {"--scale", "0.001", "--api-port", "0", "--ssh-port", "0"},
                new PrintStream(buf, true, StandardCharsets.UTF_8))) {
            String out = buf.toString(StandardCharsets.UTF_8);
            assertThat(out)
                    .contains("API URL:             " + sim.apiUrl())
                    .contains("TLS fingerprint:     " + sim.fingerprint())
                    .contains("API token:           ci@pve!nested=" + sim.tokenSecret())
                    .contains("Guest root password: " + sim.guestRootPassword())
                    .contains("Guest template:      9000 pve84-tmpl (PVE 8.4)");
            assertThat(SimClient.token(sim).get("/version").status()).isEqualTo(200);
        }
    }
}
