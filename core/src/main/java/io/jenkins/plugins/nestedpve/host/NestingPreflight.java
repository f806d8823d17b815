package io.jenkins.plugins.nestedpve.host;

import io.jenkins.plugins.nestedpve.ssh.CommandRunner;
import io.jenkins.plugins.nestedpve.ssh.ExecResult;
import io.jenkins.plugins.nestedpve.ssh.ShellQuote;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks nested virtualization on the physical host over SSH before anything is cloned, and under
 * {@link NestingPolicy#ENABLE} switches it on (pve-facts §6):
 *
 * <ol>
 *   <li>the CPU vendor from {@code /proc/cpuinfo} ({@code GenuineIntel} or {@code AuthenticAMD});
 *   <li>the kvm module's {@code nested} parameter ({@code Y}/{@code N} on Intel, {@code 1}/{@code 0}
 *       on AMD; {@code Y}, {@code y} and {@code 1} mean on);
 *   <li>per policy: {@code require} fails with the vendor's exact remediation; {@code enable} does
 *       nothing while a VM runs, otherwise appends the modprobe.d option (its only write; an
 *       existing file is never overwritten), reloads the module and re-reads the parameter; {@code emulate} continues (inner VMs need {@code kvm: 0}); {@code
 *       skip} runs nothing.
 * </ol>
 *
 * Failures are {@link NestingException}s whose message says what to do next.
 */
public final class NestingPreflight {
    private final CommandRunner host;
    private final String hostName;
    private final RunningVmCounter runningVms;
    private final Duration timeout;

    /**
     * @param host a shell on the physical host (root)
     * @param hostName the host's name for messages (its PVE node name)
     * @param runningVms counts running VMs before a module reload
     * @param timeout per command
     */
    public NestingPreflight(CommandRunner host, String hostName, RunningVmCounter runningVms, Duration timeout) {
        this.host = Objects.requireNonNull(host, "host");
        this.hostName = Objects.requireNonNull(hostName, "hostName");
        this.runningVms = Objects.requireNonNull(runningVms, "runningVms");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Applies {@code policy}.
     *
     * @return what was found and done; {@link NestingReport#mode()} tells the guests' expected mode
     * @throws NestingException when nesting is off under {@code require}, cannot be enabled under
     *     {@code enable}, or the host cannot be read
     */
    public NestingReport run(NestingPolicy policy) throws InterruptedException {
        if (policy == NestingPolicy.SKIP) {
            return report(
                    policy,
                    null,
                    null,
                    null,
                    NestingMode.UNKNOWN,
                    List.of(),
                    List.of("nesting preflight skipped (policy skip); the nesting mode stays unknown"));
        }
        Optional<CpuVendor> vendor = readVendor(policy);
        if (vendor.isEmpty()) {
            return report(
                    policy,
                    null,
                    null,
                    null,
                    NestingMode.EMULATED,
                    List.of(),
                    List.of("CPU vendor of " + hostName + " is not Intel or AMD; continuing with emulation:"
                            + " inner VMs need kvm: 0"));
        }
        CpuVendor v = vendor.get();
        Optional<String> before = readParameter(v);
        if (before.isEmpty()) {
            return moduleMissing(policy, v);
        }
        if (CpuVendor.isOn(before.get())) {
            return report(policy, v, before.get(), null, NestingMode.HARDWARE, List.of(), List.of());
        }
        return switch (policy) {
            case REQUIRE ->
                throw new NestingException(
                        hostName,
                        requireMessage(v, before.get()),
                        report(policy, v, before.get(), null, NestingMode.EMULATED, List.of(), List.of()));
            case EMULATE ->
                report(
                        policy,
                        v,
                        before.get(),
                        null,
                        NestingMode.EMULATED,
                        List.of(),
                        List.of("nested virtualization is off on " + hostName + " (" + v.parameterPath() + " reads "
                                + before.get() + "); continuing with emulation: inner VMs need kvm: 0"));
            default -> new NestingEnabler(v, before.get()).enable();
        };
    }

    private Optional<CpuVendor> readVendor(NestingPolicy policy) throws InterruptedException {
        ExecResult r = host.runIdempotent(ShellQuote.command("grep", "vendor_id", "/proc/cpuinfo"), timeout);
        String id = r.stdout()
                .lines()
                .map(line -> line.substring(line.indexOf(':') + 1).strip())
                .findFirst()
                .orElse("");
        if (id.isEmpty()) {
            throw new NestingException(
                    hostName,
                    "could not read the CPU vendor of " + hostName
                            + " from /proc/cpuinfo (exit " + r.exitCode() + ": " + r.tail(3)
                            + ") — check that the SSH user can read /proc/cpuinfo",
                    null);
        }
        Optional<CpuVendor> vendor = CpuVendor.fromVendorId(id);
        if (vendor.isEmpty() && policy != NestingPolicy.EMULATE) {
            throw new NestingException(
                    hostName,
                    "CPU vendor '" + id + "' of " + hostName
                            + " is neither GenuineIntel nor AuthenticAMD, so nested virtualization cannot be checked"
                            + " there — use nesting 'emulate' (inner VMs with kvm: 0) or 'skip'",
                    null);
        }
        return vendor;
    }

    /** The parameter value, or empty when the module is not loaded (no parameter file). */
    private Optional<String> readParameter(CpuVendor v) throws InterruptedException {
        ExecResult r = host.runIdempotent(ShellQuote.command("cat", v.parameterPath()), timeout);
        String value = r.stdout().strip();
        return r.ok() && !value.isEmpty() ? Optional.of(value) : Optional.empty();
    }

    private NestingReport moduleMissing(NestingPolicy policy, CpuVendor v) {
        String what = v.module() + " is not loaded on " + hostName + " (no " + v.parameterPath() + ")";
        if (policy == NestingPolicy.EMULATE) {
            return report(
                    policy,
                    v,
                    null,
                    null,
                    NestingMode.EMULATED,
                    List.of(),
                    List.of(what + "; continuing with emulation: inner VMs need kvm: 0"));
        }
        throw new NestingException(
                hostName,
                what + " — enable " + v.technology()
                        + " in the firmware setup and run 'modprobe " + v.module() + "' on " + hostName
                        + ", or use nesting 'emulate'",
                report(policy, v, null, null, NestingMode.EMULATED, List.of(), List.of()));
    }

    private String requireMessage(CpuVendor v, String value) {
        return "nested virtualization is off on " + hostName + " (" + v.parameterPath() + " reads " + value
                + ") and nesting is 'require'. To enable it, run on " + hostName + ":\n"
                + "  " + v.enableCommand() + "\n"
                + "then, while no VM runs there: " + v.reloadCommand() + "\n"
                + "or reboot the host. Alternatively use nesting 'enable' to let nested-pve do this, or"
                + " 'emulate' to continue without hardware nesting (inner VMs need kvm: 0).";
    }

    private static NestingReport report(
            NestingPolicy policy,
            CpuVendor vendor,
            String before,
            String after,
            NestingMode mode,
            List<String> actions,
            List<String> messages) {
        return new NestingReport(policy, vendor, before, after, mode, actions, messages);
    }

    /** Policy {@code enable} when the parameter is off: write the option, reload if idle, re-read. */
    private final class NestingEnabler {
        private final CpuVendor vendor;
        private final String before;
        private final List<String> actions = new ArrayList<>();

        NestingEnabler(CpuVendor vendor, String before) {
            this.vendor = vendor;
            this.before = before;
        }

        NestingReport enable() throws InterruptedException {
            // the idle check comes first: with VMs running nothing is written, the host stays as it was
            int running = runningVms.runningVms();
            if (running > 0) {
                throw fail(notIdle(running + (running == 1 ? " VM is" : " VMs are") + " running on " + hostName));
            }
            writeOption();
            ExecResult unload = host.run(ShellQuote.command("modprobe", "-r", vendor.module()), timeout);
            if (!unload.ok()) {
                String err = unload.tail(2);
                if (err.contains("in use")) {
                    throw fail(needsReload(
                            vendor.module() + " is in use on " + hostName + " (" + err + ")", "stop its VMs"));
                }
                throw fail("could not unload " + vendor.module() + " on " + hostName + ": " + err + " — "
                        + vendor.optionLine() + " is written; reboot the host to apply it");
            }
            actions.add("unloaded " + vendor.module());
            ExecResult load = host.run(ShellQuote.command("modprobe", vendor.module()), timeout);
            if (!load.ok()) {
                throw fail(vendor.module() + " was unloaded but could not be loaded again on " + hostName + ": "
                        + load.tail(2) + " — no VM can start there until 'modprobe " + vendor.module()
                        + "' succeeds; check dmesg on " + hostName);
            }
            actions.add("loaded " + vendor.module());
            return verify();
        }

        /** Appends the option line (never overwrites the file); a line already there is left as it is. */
        private void writeOption() throws InterruptedException {
            String path = ShellQuote.quote(vendor.modprobeConfPath());
            ExecResult previous = host.runIdempotent(ShellQuote.command("cat", vendor.modprobeConfPath()), timeout);
            String content = previous.ok() ? previous.stdout() : "";
            if (content.lines().map(String::strip).anyMatch(vendor.optionLine()::equals)) {
                actions.add("kept '" + vendor.optionLine() + "' already in " + vendor.modprobeConfPath());
                return;
            }
            if (!content.isEmpty() && !content.endsWith("\n")) {
                appendOrFail("echo >> " + path); // end the file's last line first
            }
            appendOrFail("echo " + ShellQuote.quote(vendor.optionLine()) + " >> " + path);
            actions.add("appended '" + vendor.optionLine() + "' to " + vendor.modprobeConfPath());
        }

        private void appendOrFail(String command) throws InterruptedException {
            ExecResult r = host.run(command, timeout);
            if (!r.ok()) {
                throw fail("could not write " + vendor.modprobeConfPath() + " on " + hostName + ": " + r.tail(2)
                        + " — the SSH user must be root; or run yourself: " + vendor.enableCommand());
            }
        }

        private NestingReport verify() throws InterruptedException {
            String after = readParameter(vendor).orElse("");
            if (!CpuVendor.isOn(after)) {
                throw fail("after reloading " + vendor.module() + ", " + vendor.parameterPath() + " reads '" + after
                        + "' on " + hostName + " — another file in /etc/modprobe.d may set nested; check"
                        + " 'grep -r nested /etc/modprobe.d' there");
            }
            return report(
                    NestingPolicy.ENABLE,
                    vendor,
                    before,
                    after,
                    NestingMode.HARDWARE,
                    actions,
                    List.of("enabled nested virtualization on " + hostName));
        }

        private String needsReload(String why, String stop) {
            return "nesting is now configured but needs the module reloaded; " + why + " — reboot the host or " + stop
                    + ", then run: " + vendor.reloadCommand();
        }

        private String notIdle(String why) {
            return "nested virtualization is off on " + hostName + " and nesting is 'enable', but " + why
                    + ": nothing was changed. Stop them and run the build again, or run yourself on " + hostName
                    + ": " + vendor.enableCommand() + " and reboot the host";
        }

        private NestingException fail(String message) {
            return new NestingException(
                    hostName,
                    message,
                    report(NestingPolicy.ENABLE, vendor, before, null, NestingMode.EMULATED, actions, List.of()));
        }
    }
}
