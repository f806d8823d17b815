package io.jenkins.plugins.nestedpve.host;

import java.util.Locale;

/** How VMs inside the nested PVE guests will run. */
public enum NestingMode {
    /** The guests expose {@code vmx}/{@code svm} and {@code /dev/kvm}: inner VMs run with KVM. */
    HARDWARE,
    /** No hardware nesting: inner VMs need {@code kvm: 0} (QEMU TCG, slow). */
    EMULATED,
    /** Not checked (policy {@code skip}). */
    UNKNOWN;

    /** Lower-case name for environment variables and descriptors. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
