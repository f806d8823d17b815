package io.jenkins.plugins.nestedpve.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What a command works with besides its options, injected so that tests run commands in-process:
 * the output streams, the environment (secrets are read from it), the installation's home
 * directory, the working directory, the clock and the process's shutdown hooks.
 *
 * @param out normal output (results, {@code --json} documents)
 * @param err progress lines, warnings and errors
 * @param env the environment variables
 * @param home where the installation id and the ledger live ({@code $NESTED_PVE_HOME}, or {@code
 *     ~/.config/nested-pve})
 * @param workDir relative paths are resolved here
 * @param clock wall-clock time
 * @param hooks registers work to do when the process is asked to stop (SIGTERM, Ctrl-C)
 */
public record CliContext(
        PrintStream out,
        PrintStream err,
        Map<String, String> env,
        Path home,
        Path workDir,
        Clock clock,
        ShutdownHooks hooks) {
    /** Names the variable that moves the installation's home directory. */
    public static final String HOME_VARIABLE = "NESTED_PVE_HOME";

    public CliContext {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        env = Map.copyOf(env);
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(hooks, "hooks");
    }

    /** The real process: {@code System.out/err}, the real environment and shutdown hooks. */
    public static CliContext system() {
        Map<String, String> env = System.getenv();
        return new CliContext(
                System.out,
                System.err,
                env,
                defaultHome(env, Path.of(System.getProperty("user.home"))),
                Path.of("").toAbsolutePath(),
                Clock.systemUTC(),
                ShutdownHooks.runtime());
    }

    /** {@code $NESTED_PVE_HOME} when set, otherwise {@code <userHome>/.config/nested-pve}. */
    public static Path defaultHome(Map<String, String> env, Path userHome) {
        String configured = env.get(HOME_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return userHome.resolve(".config").resolve("nested-pve");
    }

    /** {@code path} resolved against the working directory ({@code ~/} expanded). */
    public Path resolve(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return Path.of(System.getProperty("user.home")).resolve(path.substring(Math.min(2, path.length())));
        }
        return workDir.resolve(path);
    }
}
