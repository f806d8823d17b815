package io.jenkins.plugins.nestedpve.host;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What to do about nested virtualization (hardware-assisted KVM inside the PVE guests). */
public enum NestingPolicy {
    /** Hardware nesting must work: fail before cloning when the host has it off, and after boot when a guest lacks it. */
    REQUIRE,
    /**
     * As {@link #REQUIRE}, but when the host has it off, write the modprobe.d option and reload the
     * kvm module if no VM runs on the host; otherwise stop and say that a reboot is needed.
     */
    ENABLE,
    /** Continue without hardware nesting: inner VMs then need {@code kvm: 0} (software emulation, slow). */
    EMULATE,
    /** Check nothing; the nesting mode is reported as unknown. */
    SKIP;

    /** Lower-case name as users write it ({@code require}, ...). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether guests must end up with hardware nesting. */
    public boolean requiresHardware() {
        return this == REQUIRE || this == ENABLE;
    }

    /**
     * Parses a user-supplied policy name, case-insensitively.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static NestingPolicy parse(String value) {
        for (NestingPolicy p : values()) {
            if (p.label().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return p;
            }
        }
        String accepted = Arrays.stream(values()).map(NestingPolicy::label).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("nesting: '" + value + "' is not a nesting policy — use one of " + accepted);
    }
}
