package io.jenkins.plugins.nestedpve.sim.shell;

import java.time.Clock;
import java.util.Objects;
import java.util.Random;

/**
 * What the builtin programs of one machine's shell work with.
 *
 * @param fs the machine's file system
 * @param hooks the machine's reboot/service/VM-count hooks
 * @param sleeper how {@code sleep} waits
 * @param clock the simulated time ({@code date}, shadow "last change" days)
 * @param random randomness for machine ids, salts and key generation
 * @param rsaKeyBits size of RSA keys made by {@code ssh-keygen} (OpenSSH's default is 3072)
 */
public record ShellContext(
        VirtualFs fs, MachineHooks hooks, Sleeper sleeper, Clock clock, Random random, int rsaKeyBits) {
    public ShellContext {
        Objects.requireNonNull(fs, "fs");
        Objects.requireNonNull(hooks, "hooks");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        if (rsaKeyBits < 1024) {
            throw new IllegalArgumentException("rsaKeyBits must be >= 1024, was " + rsaKeyBits);
        }
    }
}
