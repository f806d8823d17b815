package io.jenkins.plugins.nestedpve.host;

import java.util.List;
import java.util.Objects;

/**
 * What the nesting preflight found and did on the physical host.
 *
 * @param policy the policy applied
 * @param vendor the CPU vendor, or null when not read (policy {@code skip}, or an unknown vendor)
 * @param nestedBefore the {@code nested} parameter as first read, or null when not read
 * @param nestedAfter the parameter after enabling and reloading, or null when nothing was changed
 * @param mode what the guests can expect; {@link NestingMode#UNKNOWN} under {@code skip}
 * @param actions what was changed on the host, in order (empty unless policy {@code enable} acted)
 * @param messages notes for the user
 */
public record NestingReport(
        NestingPolicy policy,
        CpuVendor vendor,
        String nestedBefore,
        String nestedAfter,
        NestingMode mode,
        List<String> actions,
        List<String> messages) {
    public NestingReport {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(mode, "mode");
        actions = List.copyOf(actions);
        messages = List.copyOf(messages);
    }

    /** Whether inner VMs must be created with {@code kvm: 0}. */
    public boolean innerVmsNeedKvmOff() {
        return mode == NestingMode.EMULATED;
    }

    /** One line for the log, e.g. {@code nesting: GenuineIntel, kvm_intel nested=Y → hardware (policy require)}. */
    public String summary() {
        StringBuilder s = new StringBuilder("nesting: ");
        if (vendor == null) {
            s.append("not checked");
        } else {
            s.append(vendor.vendorId())
                    .append(", ")
                    .append(vendor.module())
                    .append(" nested=")
                    .append(nestedBefore == null ? "?" : nestedBefore);
            if (nestedAfter != null) {
                s.append(" → ").append(nestedAfter);
            }
        }
        return s.append(" → ")
                .append(mode.label())
                .append(" (policy ")
                .append(policy.label())
                .append(')')
                .toString();
    }
}
