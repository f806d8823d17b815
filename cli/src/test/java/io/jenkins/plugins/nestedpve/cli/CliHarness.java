package io.jenkins.plugins.nestedpve.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Runs {@code nestedpve} in-process with captured output, a private home and environment. */
final class CliHarness {
    private final Path workDir;
    private final Map<String, String> env = new HashMap<>();
    private final TestHooks hooks = new TestHooks();
    private Clock clock = Clock.systemUTC();

    CliHarness(Path workDir) {
        this.workDir = workDir;
    }

    CliHarness env(String name, String value) {
        env.put(name, value);
        return this;
    }

    CliHarness clock(Clock c) {
        this.clock = c;
        return this;
    }

    TestHooks hooks() {
        return hooks;
    }

    Path home() {
        return workDir.resolve("home");
    }

    /** The result of one command. */
    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            CliContext ctx = new CliContext(o, e, env, home(), workDir, clock, hooks);
            int code = NestedPveCli.run(ctx, args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }
}
