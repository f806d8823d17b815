package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.NestedPveException;
import io.jenkins.plugins.nestedpve.cluster.HostCredentials;
import io.jenkins.plugins.nestedpve.host.CpuVendor;
import io.jenkins.plugins.nestedpve.host.NestingException;
import io.jenkins.plugins.nestedpve.host.NestingPolicy;
import io.jenkins.plugins.nestedpve.host.NestingPreflight;
import io.jenkins.plugins.nestedpve.host.NestingReport;
import io.jenkins.plugins.nestedpve.host.RunningVmCounter;
import io.jenkins.plugins.nestedpve.spec.HostSshTarget;
import io.jenkins.plugins.nestedpve.ssh.HostKeyPolicy;
import io.jenkins.plugins.nestedpve.ssh.SshAuth;
import io.jenkins.plugins.nestedpve.ssh.SshConnector;
import io.jenkins.plugins.nestedpve.ssh.SshSession;
import io.jenkins.plugins.nestedpve.ssh.SshTarget;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The nesting check of {@code doctor}: reads the host's kvm module over SSH (pinned host key) with
 * the preflight's read-only policy, and says exactly how to enable nesting on Intel and AMD. It
 * never changes the host, whatever the spec's policy.
 */
final class NestingDoctor {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private NestingDoctor() {}

    static Check check(LoadedSpec loaded, SshConnector ssh, RunningVmCounter runningVms) {
        NestingPolicy policy = loaded.spec().nesting();
        if (policy == NestingPolicy.SKIP) {
            return Check.pass("nesting", "not checked (nesting: skip)");
        }
        HostCredentials credentials = loaded.hostCredentials();
        if (loaded.spec().host().sshTarget().isEmpty() || !credentials.hasSsh()) {
            return Check.warn(
                    "nesting",
                    "not checked on the host: set host.ssh (and its credentials) to let doctor"
                            + " read the kvm module; the guests are checked after boot.\n" + remediation());
        }
        HostSshTarget t = loaded.spec().host().sshTarget().get();
        SshTarget target = new SshTarget(t.host(), t.port(), t.user());
        try (SshSession session =
                ssh.connect(target, auth(credentials), HostKeyPolicy.pinned(List.of(t.hostKeyFingerprint())))) {
            String node = loaded.spec().host().node();
            // REQUIRE only reads; doctor never writes to the host, even under policy enable
            NestingReport report =
                    new NestingPreflight(session, node, runningVms, COMMAND_TIMEOUT).run(NestingPolicy.REQUIRE);
            return Check.pass(
                    "nesting",
                    report.summary().replaceFirst("\\(policy require\\)", "(policy " + policy.label() + ")"));
        } catch (NestingException e) {
            String message = e.getMessage();
            return switch (policy) {
                case EMULATE ->
                    Check.warn(
                            "nesting",
                            message + "\nWith nesting: emulate the cluster still comes up;"
                                    + " inner VMs then need kvm: 0.");
                case ENABLE ->
                    Check.warn(
                            "nesting",
                            message + "\nWith nesting: enable, provisioning writes the option"
                                    + " and reloads the module when no VM runs on the host.");
                default -> Check.fail("nesting", message);
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Check.fail("nesting", "interrupted while reading the host's kvm module");
        } catch (NestedPveException e) {
            return Check.fail("nesting", "cannot check over SSH: " + e.getMessage());
        }
    }

    /** How to check and enable nesting by hand, for both vendors (pve-facts §6). */
    static String remediation() {
        return Stream.of(CpuVendor.values())
                .map(v -> v.technology() + " (" + v.vendorId() + "): 'cat " + v.parameterPath() + "' reads "
                        + (v == CpuVendor.INTEL ? "Y" : "1") + " when on; to enable: " + v.enableCommand()
                        + ", then while no VM runs: " + v.reloadCommand() + " (or reboot)")
                .collect(Collectors.joining("\n"));
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
