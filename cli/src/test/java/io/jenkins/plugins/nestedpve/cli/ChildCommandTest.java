package io.jenkins.plugins.nestedpve.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildCommandTest {
    @TempDir
    Path dir;

    /**
     * The shell is ended before its running child: were the child killed first, the shell would run
     * its next statement (a race that the old order lost about 2 times in 5; repeated to show it).
     */
    @Test
    void endingACommandDoesNotLetItsNextStatementRun() throws Exception {
        for (int i = 0; i < 5; i++) {
            Path marker = dir.resolve("never-" + i);
            Process p = ChildCommand.start(
                    List.of("sh", "-c", "echo READY; sleep 30; echo never > " + marker.getFileName()), Map.of(), dir);
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                assertThat(out.readLine()).isEqualTo("READY");
                awaitChild(p);

                ChildCommand.end(p);

                assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(marker).as("the statement after the stop").doesNotExist();
            }
        }
    }

    /** Until the shell has started {@code sleep} (a real process: bounded, no sleeping here). */
    private static void awaitChild(Process p) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (p.descendants().findAny().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IOException("sh did not start sleep within 10 s");
            }
            Thread.onSpinWait();
        }
    }
}
