package io.jenkins.plugins.nestedpve.sim.shell;

import io.jenkins.plugins.nestedpve.sim.shell.programs.Builtins;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The shell of one simulated machine: runs command lines as {@code bash -c} would (the way sshd
 * runs an exec request) against the machine's {@link VirtualFs}, with GNU-coreutils-like builtin
 * programs plus the programs the machine model registers (which override builtins of the same
 * name). Each {@link #exec} is a fresh shell process: variables and {@code cd} do not carry over.
 *
 * <p>Thread-safe: several sessions may run commands at once. Interrupting the calling thread
 * aborts the running command, and so does {@code kill -KILL -- -<pid>} from another exec (each exec's
 * shell leads its own process group, as under sshd). {@link #close()} stops background jobs
 * ({@code cmd &}).
 */
public final class Shell implements AutoCloseable {
    /** The environment every command starts with, before the caller's variables. */
    public static final Map<String, String> DEFAULT_ENVIRONMENT = Map.of(
            "HOME", "/root",
            "USER", "root",
            "LOGNAME", "root",
            "SHELL", "/bin/bash",
            "LANG", "C.UTF-8",
            "PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");

    private final ShellContext context;
    private final Map<String, Command> programs = new ConcurrentHashMap<>();
    private final AtomicLong pids = new AtomicLong(1000);
    private final Processes processes = new Processes();
    private ExecutorService backgroundJobs;
    private boolean closed;

    /** Output of {@link #run}: exit status, standard output and standard error as text. */
    public record Result(int status, String stdout, String stderr) {}

    /**
     * A shell with the given extra programs, real-time {@code sleep}, the system clock and a
     * {@link SecureRandom}. Use {@link #builder} to inject time and randomness.
     */
    public Shell(VirtualFs fs, MachineHooks hooks, Map<String, Command> programs) {
        this(builder(fs, hooks).programs(programs));
    }

    private Shell(Builder builder) {
        this.context = new ShellContext(
                builder.fs, builder.hooks, builder.sleeper, builder.clock, builder.random, builder.rsaKeyBits);
        Builtins.register(this.programs, context);
        this.programs.put("kill", processes::kill);
        this.programs.putAll(builder.programs);
    }

    public static Builder builder(VirtualFs fs, MachineHooks hooks) {
        return new Builder(fs, hooks);
    }

    /** What the builtin programs work with (file system, hooks, sleeper, clock, randomness). */
    public ShellContext context() {
        return context;
    }

    /** Registers (or replaces) a program; it overrides a builtin of the same name. */
    public void register(String name, Command command) {
        programs.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(command, "command"));
    }

    /** The program registered under a bare name ({@code cat}, {@code qm}). */
    public Optional<Command> program(String name) {
        return Optional.ofNullable(programs.get(name));
    }

    /** Names of all registered programs, sorted. */
    public Set<String> programNames() {
        return new TreeSet<>(programs.keySet());
    }

    /**
     * Runs a command line as {@code bash -c commandLine} in a fresh shell process whose working
     * directory is {@code $HOME} ({@code /root}).
     *
     * @param env variables added to {@link #DEFAULT_ENVIRONMENT} (e.g. what an SSH client sent)
     * @return the exit status (0-255; 127 for an unknown program, 2 for a syntax error)
     * @throws InterruptedException when the calling thread is interrupted (the command is killed)
     */
    public int exec(
            String commandLine, InputStream stdin, OutputStream stdout, OutputStream stderr, Map<String, String> env)
            throws InterruptedException {
        Map<String, String> environment = new LinkedHashMap<>(DEFAULT_ENVIRONMENT);
        environment.putAll(env);
        ShellState state = ShellState.fromEnvironment(environment, environment.get("HOME"));
        PrintStream out = new PrintStream(nonClosing(stdout), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(nonClosing(stderr), false, StandardCharsets.UTF_8);
        Interpreter bash = new Interpreter(this, state, Dialect.bashCommand());
        processes.started(bash.pid(), Thread.currentThread());
        try {
            return bash.runScript(commandLine, new Io(stdin, out, err));
        } finally {
            processes.ended(bash.pid());
            out.flush();
            err.flush();
        }
    }

    /**
     * Opens an interactive session (one shell process for several inputs, as an SSH shell
     * channel without a TTY).
     */
    public ShellSession session(Map<String, String> env, OutputStream stdout, OutputStream stderr) {
        return new ShellSession(this, env, nonClosing(stdout), nonClosing(stderr));
    }

    /** Runs a command line with empty stdin and the default environment, collecting its output. */
    public Result run(String commandLine) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = exec(commandLine, InputStream.nullInputStream(), out, err, Map.of());
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    long nextPid() {
        return pids.incrementAndGet();
    }

    synchronized Future<Integer> background(Callable<Integer> job) {
        if (closed) {
            throw new IllegalStateException("shell is closed; background job refused");
        }
        if (backgroundJobs == null) {
            backgroundJobs = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "sim-shell-background");
                t.setDaemon(true);
                return t;
            });
        }
        return backgroundJobs.submit(job);
    }

    /** Stops background jobs; harmless to call twice. */
    @Override
    public synchronized void close() {
        closed = true;
        if (backgroundJobs != null) {
            backgroundJobs.shutdownNow();
        }
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws java.io.IOException {
                flush();
            }
        };
    }

    /** Builds a {@link Shell} with injected programs, time and randomness. */
    public static final class Builder {
        private final VirtualFs fs;
        private final MachineHooks hooks;
        private final Map<String, Command> programs = new LinkedHashMap<>();
        private Sleeper sleeper = Sleeper.scaled(1.0);
        private Clock clock = Clock.systemUTC();
        private Random random = new SecureRandom();
        private int rsaKeyBits = 3072;

        private Builder(VirtualFs fs, MachineHooks hooks) {
            this.fs = Objects.requireNonNull(fs, "fs");
            this.hooks = Objects.requireNonNull(hooks, "hooks");
        }

        /** Extra programs; they override builtins of the same name. */
        public Builder programs(Map<String, Command> extra) {
            programs.putAll(extra);
            return this;
        }

        public Builder program(String name, Command command) {
            programs.put(name, command);
            return this;
        }

        /** How {@code sleep} waits (default: real time). */
        public Builder sleeper(Sleeper value) {
            sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /** Simulated wall-clock time (default: the system clock, UTC). */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Randomness for machine ids, password salts and keys (default: {@link SecureRandom}). */
        public Builder random(Random value) {
            random = Objects.requireNonNull(value, "random");
            return this;
        }

        /** RSA host key size for {@code ssh-keygen} (default 3072 as OpenSSH; 2048 is faster). */
        public Builder rsaKeyBits(int value) {
            rsaKeyBits = value;
            return this;
        }

        public Shell build() {
            return new Shell(this);
        }
    }
}
