package io.jenkins.plugins.nestedpve.sim.shell;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A simulated machine for tests: seeded file system, recording hooks and sleeper, fixed clock. */
public final class FakeMachine {
    public static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    public final VirtualFs fs = new VirtualFs();
    public final Hooks hooks = new Hooks();
    public final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    public final Shell shell;

    /** Records what programs asked of the machine; the running VM count is settable. */
    public static final class Hooks implements MachineHooks {
        public volatile int runningVms;
        public final AtomicInteger reboots = new AtomicInteger();
        public final List<String> restarts = new CopyOnWriteArrayList<>();

        @Override
        public int runningVmCount() {
            return runningVms;
        }

        @Override
        public void reboot() {
            reboots.incrementAndGet();
        }

        @Override
        public void restartService(String name) {
            restarts.add(name);
        }
    }

    public FakeMachine() {
        this(Map.of(), null);
    }

    public FakeMachine(Map<String, Command> programs, Sleeper sleeper) {
        MachineFiles.seedLayout(fs);
        shell = Shell.builder(fs, hooks)
                .programs(programs)
                .sleeper(sleeper != null ? sleeper : sleeps::add)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .random(new Random(42))
                .rsaKeyBits(1024)
                .build();
    }

    /** Runs a command line as an SSH exec would, with empty stdin. */
    public Shell.Result run(String commandLine) {
        try {
            return shell.run(commandLine);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Runs a command line with text on stdin. */
    public Shell.Result run(String commandLine, String stdin) {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        try {
            int status = shell.exec(
                    commandLine,
                    new java.io.ByteArrayInputStream(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    out,
                    err,
                    Map.of());
            return new Shell.Result(
                    status,
                    out.toString(java.nio.charset.StandardCharsets.UTF_8),
                    err.toString(java.nio.charset.StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
