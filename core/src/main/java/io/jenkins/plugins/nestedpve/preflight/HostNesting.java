package io.jenkins.plugins.nestedpve.preflight;

import io.jenkins.plugins.nestedpve.NestedPveException;
import io.jenkins.plugins.nestedpve.cluster.HostCredentials;
import io.jenkins.plugins.nestedpve.host.CpuVendor;
import io.jenkins.plugins.nestedpve.host.NestingException;
import io.jenkins.plugins.nestedpve.host.NestingPolicy;
import io.jenkins.plugins.nestedpve.host.NestingPreflight;
import io.jenkins.plugins.nestedpve.host.NestingReport;
import io.jenkins.plugins.nestedpve.host.RunningVmCounter;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.spec.HostSshTarget;
import io.jenkins.plugins.nestedpve.ssh.HostKeyPolicy;
import io.jenkins.plugins.nestedpve.ssh.ResilientShell;
import io.jenkins.plugins.nestedpve.ssh.SshAuth;
import io.jenkins.plugins.nestedpve.ssh.SshConnector;
import io.jenkins.plugins.nestedpve.ssh.SshSession;
import io.jenkins.plugins.nestedpve.ssh.SshTarget;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The nesting section of the preflight: {@link NestingPreflight} on the physical host, over SSH with
 * the host's pinned key (it runs only when the spec names {@code host.ssh} and the credentials hold
 * its secret). Provisioning applies the spec's policy ({@link #apply}); the report's item ({@link
 * #item}) only reads, whatever the policy.
 */
public final class HostNesting {
    public static final String CHECK = "nesting";

    private HostNesting() {}

    /** Whether the spec and credentials allow the host check at all. */
    public static boolean possible(ClusterSpec spec, HostCredentials credentials) {
        return spec.host().sshTarget().isPresent() && credentials.hasSsh();
    }

    /**
     * Provisioning's host preflight under the spec's policy ({@code enable} may switch nesting on);
     * what was found and done goes to {@code info}.
     *
     * @throws NestingException when nesting is not usable under the policy
     */
    public static NestingReport apply(
            SshConnector ssh, ClusterSpec spec, HostCredentials credentials, PveClient host, Consumer<String> info)
            throws InterruptedException {
        String node = spec.host().node();
        HostSshTarget target = spec.host().sshTarget().orElseThrow();
        // the reads run again on a new connection after a drop; the module reload is never repeated blindly
        ResilientShell.Observer heard = new ResilientShell.Observer() {
            @Override
            public void reran(String activity, String why) {
                info.accept("healed: host " + node + ": SSH dropped during " + activity + "; ran it again on a new"
                        + " connection");
            }
        };
        try (ResilientShell session = new ResilientShell(
                open(ssh, target, credentials), () -> open(ssh, target, credentials), ResilientShell.RERUNS, heard)) {
            NestingReport report = new NestingPreflight(
                            session,
                            node,
                            () -> runningVms(host, node),
                            spec.timeouts().command())
                    .run(spec.nesting());
            info.accept(report.summary());
            report.actions().forEach(a -> info.accept("host " + node + ": " + a));
            report.messages().forEach(info);
            return report;
        }
    }

    /** The report's nesting item: reads the kvm module, never changes the host. */
    public static PreflightItem item(
            SshConnector ssh, ClusterSpec spec, HostCredentials credentials, RunningVmCounter runningVms) {
        NestingPolicy policy = spec.nesting();
        if (policy == NestingPolicy.SKIP) {
            return PreflightItem.pass(CHECK, "not checked (nesting: skip)");
        }
        if (!possible(spec, credentials)) {
            return PreflightItem.warn(
                    CHECK,
                    "nesting",
                    "not checked on the host: set host.ssh (and its credentials) to let the preflight read the kvm"
                            + " module; the guests are checked after boot.\n" + remediation());
        }
        try (SshSession session = open(ssh, spec.host().sshTarget().get(), credentials)) {
            // REQUIRE only reads: the report never writes to the host, even under policy enable
            NestingReport report = new NestingPreflight(
                            session,
                            spec.host().node(),
                            runningVms,
                            spec.timeouts().command())
                    .run(NestingPolicy.REQUIRE);
            return PreflightItem.pass(
                    CHECK, report.summary().replaceFirst("\\(policy require\\)", "(policy " + policy.label() + ")"));
        } catch (NestingException e) {
            return verdict(policy, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PreflightItem.fail(CHECK, "nesting", "interrupted while reading the host's kvm module");
        } catch (NestedPveException e) {
            return PreflightItem.fail(CHECK, "host.ssh", "cannot check over SSH: " + e.getMessage());
        }
    }

    private static PreflightItem verdict(NestingPolicy policy, String message) {
        return switch (policy) {
            case EMULATE ->
                PreflightItem.warn(
                        CHECK,
                        "nesting",
                        message + "\nWith nesting: emulate the cluster still comes up; inner VMs then need kvm: 0.");
            case ENABLE ->
                PreflightItem.warn(
                        CHECK,
                        "nesting",
                        message + "\nWith nesting: enable, provisioning writes the option and reloads the module when"
                                + " no VM runs on the host.");
            default -> PreflightItem.fail(CHECK, "nesting", message);
        };
    }

    /** How to check and enable nesting by hand, for both vendors (pve-facts §6). */
    static String remediation() {
        return Stream.of(CpuVendor.values())
                .map(v -> v.technology() + " (" + v.vendorId() + "): 'cat " + v.parameterPath() + "' reads "
                        + (v == CpuVendor.INTEL ? "Y" : "1") + " when on; to enable: " + v.enableCommand()
                        + ", then while no VM runs: " + v.reloadCommand() + " (or reboot)")
                .collect(Collectors.joining("\n"));
    }

    /** Running VMs on the host node, from {@code GET /nodes/{node}/qemu} (current, not lagging). */
    public static int runningVms(PveClient host, String node) {
        return (int) host.vms(node).stream()
                .filter(v -> "running".equals(v.status()))
                .count();
    }

    /** A root shell on the physical host, its host key checked against the pinned fingerprint. */
    public static SshSession open(SshConnector ssh, HostSshTarget t, HostCredentials credentials) {
        SshTarget target = new SshTarget(t.host(), t.port(), t.user());
        return ssh.connect(target, auth(credentials), HostKeyPolicy.pinned(List.of(t.hostKeyFingerprint())));
    }

    static SshAuth auth(HostCredentials c) {
        if (c.sshPrivateKeyPem().isPresent()) {
            String pem = c.sshPrivateKeyPem().get().reveal();
            return c.sshKeyPassphrase().isPresent()
                    ? SshAuth.privateKey(pem, c.sshKeyPassphrase().get().reveal())
                    : SshAuth.privateKey(pem);
        }
        return SshAuth.password(c.sshPassword().orElseThrow().reveal());
    }
}
