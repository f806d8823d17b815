package io.jenkins.plugins.nestedpve.host;

import io.jenkins.plugins.nestedpve.ssh.CommandRunner;
import io.jenkins.plugins.nestedpve.ssh.ExecResult;
import io.jenkins.plugins.nestedpve.ssh.ShellQuote;
import java.time.Duration;
import java.util.Objects;

/**
 * Checks inside a PVE guest that nested virtualization is exposed: {@code grep -E -c '(vmx|svm)'
 * /proc/cpuinfo} must count at least one line and {@code /dev/kvm} must exist (pve-facts §6).
 */
public final class GuestNestingCheck {
    static final String FLAG_COMMAND = ShellQuote.command("grep", "-E", "-c", "(vmx|svm)", "/proc/cpuinfo");
    static final String KVM_COMMAND = ShellQuote.command("test", "-e", "/dev/kvm");

    private final Duration timeout;

    /** @param timeout per command */
    public GuestNestingCheck(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Runs the check on {@code guest} (a root shell on node {@code node}).
     *
     * @param hostMode what the host preflight found, or null when the host was not checked; only
     *     used to name the likely cause of a failure
     * @throws NestingException when the policy requires hardware nesting and the guest lacks it,
     *     naming the node and the likely cause
     */
    public GuestNesting check(CommandRunner guest, String node, NestingPolicy policy, NestingMode hostMode)
            throws InterruptedException {
        if (policy == NestingPolicy.SKIP) {
            return new GuestNesting(node, NestingMode.UNKNOWN, -1, false);
        }
        int flags = countFlagLines(guest, node);
        boolean kvm = guest.runIdempotent(KVM_COMMAND, timeout).ok();
        NestingMode mode = flags > 0 && kvm ? NestingMode.HARDWARE : NestingMode.EMULATED;
        if (mode == NestingMode.EMULATED && policy.requiresHardware()) {
            throw new NestingException(node, failure(node, flags, kvm, hostMode, policy), null);
        }
        return new GuestNesting(node, mode, flags, kvm);
    }

    private int countFlagLines(CommandRunner guest, String node) throws InterruptedException {
        // grep -c prints the count and exits 1 when it is 0; only exit 2 (or no number) is an error.
        ExecResult r = guest.runIdempotent(FLAG_COMMAND, timeout);
        String out = r.stdout().strip();
        if (r.exitCode() <= 1 && out.matches("\\d+")) {
            return Integer.parseInt(out);
        }
        throw new NestingException(
                node,
                "could not read /proc/cpuinfo on " + node + " (exit " + r.exitCode() + ": " + r.tail(2)
                        + ") — check that the guest is a Linux/PVE system and SSH works as root",
                null);
    }

    private static String failure(String node, int flags, boolean kvm, NestingMode hostMode, NestingPolicy policy) {
        String seen = flags == 0
                ? "no vmx/svm flag in /proc/cpuinfo" + (kvm ? "" : " and no /dev/kvm")
                : "vmx/svm is present but /dev/kvm is missing";
        String cause;
        if (flags > 0) {
            cause = "the kvm module is not loaded inside the guest — check 'modprobe kvm_intel' or"
                    + " 'modprobe kvm_amd' there";
        } else if (hostMode == NestingMode.HARDWARE) {
            cause = "the physical host has nesting on, so the VM's CPU type is probably not 'host' — set cpu: host";
        } else {
            cause = "nested virtualization is off on the physical host (/sys/module/kvm_*/parameters/nested),"
                    + " or the VM's CPU type is not 'host' (set cpu: host)";
        }
        return "node " + node + " has no hardware nesting (" + seen + ") and nesting is '" + policy.label()
                + "'. Likely cause: " + cause + ". Use nesting 'emulate' to continue with software emulation"
                + " (inner VMs need kvm: 0).";
    }
}
