package io.jenkins.plugins.nestedpve.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The process id header on standard error: taken out wherever it shows, passed through before and after. */
class RemoteKillTest {
    private final RemoteKill kill = new RemoteKill(null);

    private String header() {
        String wrapped = kill.wrap("true");
        return wrapped.substring("printf '".length(), wrapped.indexOf(" %s"));
    }

    @Test
    void theCommandLineReportsTheShellsPidOnStderrFirst() {
        assertThat(kill.wrap("echo hi")).isEqualTo("printf '" + header() + " %s\\n' \"$$\" >&2; echo hi");
    }

    @Test
    void linesBeforeTheHeaderPassAndTheHeaderLineIsDropped() {
        assertThat(kill.strip("bash: warning: setlocale: LC_ALL: cannot change locale (de_DE.UTF-8)"))
                .isEqualTo("bash: warning: setlocale: LC_ALL: cannot change locale (de_DE.UTF-8)");
        assertThat(kill.strip(header() + " 4242")).isNull();
        assertThat(kill.strip(header() + " 4242"))
                .as("only the first header is taken")
                .isEqualTo(header() + " 4242");
    }

    @Test
    void aHeaderAfterTextWithoutALineBreakLeavesTheText() {
        assertThat(kill.strip("partial warning" + header() + " 17")).isEqualTo("partial warning");
    }
}
