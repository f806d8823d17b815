package io.jenkins.plugins.nestedpve.provision;

import io.jenkins.plugins.nestedpve.cluster.Secret;
import io.jenkins.plugins.nestedpve.lifecycle.Pem;
import io.jenkins.plugins.nestedpve.pve.Fingerprint;
import io.jenkins.plugins.nestedpve.spec.Names;
import io.jenkins.plugins.nestedpve.ssh.ExecResult;
import io.jenkins.plugins.nestedpve.ssh.ShellQuote;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Gives a freshly cloned guest its own identity. Clones of one template share hostname, {@code
 * /etc/hosts}, machine-id, SSH host keys and the node certificate (pve-facts §5.1), and PVE needs
 * the node name to resolve to the non-loopback IP. The steps, in order:
 *
 * <ol>
 *   <li>hostname ({@code hostnamectl set-hostname}) and {@code /etc/hostname};
 *   <li>{@code /etc/hosts}: loopback line plus {@code <ip> <fqdn> <name>}, replacing the
 *       template's file;
 *   <li>new machine-id, unless this node's marker says it was already made for it;
 *   <li>root password through {@code chpasswd}'s standard input (never in a command line or label);
 *   <li>{@code pve-cluster} restarted — pmxcfs takes the node name from {@code uname} when it
 *       starts (pve-cluster:src/pmxcfs/pmxcfs.c {@code main}) — then {@code pvecm updatecerts
 *       --force} and {@code pvedaemon}/{@code pveproxy} restarted to serve the new certificate.
 * </ol>
 *
 * {@link #apply} runs them as ONE script in one SSH exec ({@link #script()}), then prints the new API
 * certificate. The script may run again after a dropped connection: every file is written whole,
 * the machine-id is checked before it is made, and the rest (password, certificate, restarts) ends in
 * the same state when repeated. The root password is the script's standard input, read into a shell
 * variable and piped to {@code chpasswd} by the shell's own {@code printf}: it is never in a command
 * line, a label or a message. New SSH host keys are not made here: the guest got them through its
 * agent before the first SSH connection, which pins them (see {@link GuestTrust}), so the session this
 * runs over, and the password sent over it, go to the verified guest only.
 */
public final class GuestIdentity {
    /** Domain of the guests' FQDNs when none is given. */
    public static final String DEFAULT_DOMAIN = "nested-pve.internal";

    /** Printed before each step, followed by its label. */
    static final String STEP_MARK = "nested-pve identity step: ";

    /** Printed after the last step, before the served certificate. */
    static final String DONE_MARK = "nested-pve identity done";

    /** The shell variable the script reads its secret input (the {@code chpasswd} line) into. */
    private static final String INPUT = "identity_input";

    /** Names the node whose machine-id was made (so that a re-run keeps it). */
    static final String MACHINE_ID_MARKER = "/var/lib/nested-pve-machine-id.node";

    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]+");

    private final String node;
    private final String address;
    private final String domain;
    private final Secret rootPassword;

    /**
     * @param node the node name (a DNS label, e.g. {@code np-k3x9q2-n1})
     * @param address the guest's IP
     * @param domain the FQDN's domain, e.g. {@link #DEFAULT_DOMAIN}
     * @param rootPassword the cluster's root password (one line)
     */
    public GuestIdentity(String node, String address, String domain, Secret rootPassword) {
        if (node == null || !Names.DNS_LABEL.matcher(node).matches()) {
            throw new IllegalArgumentException("node name " + Names.show(node) + " is not a DNS label");
        }
        if (address == null || !ADDRESS.matcher(address).matches()) {
            throw new IllegalArgumentException("address " + Names.show(address) + " is not an IP address");
        }
        if (domain == null || !Names.DNS_NAME.matcher(domain).matches()) {
            throw new IllegalArgumentException("domain " + Names.show(domain) + " is not a DNS name");
        }
        Objects.requireNonNull(rootPassword, "rootPassword");
        if (rootPassword.isEmpty()
                || rootPassword.reveal().contains("\n")
                || rootPassword.reveal().contains("\r")) {
            throw new IllegalArgumentException("the root password must be one non-empty line");
        }
        this.node = node;
        this.address = address;
        this.domain = domain;
        this.rootPassword = rootPassword;
    }

    public String fqdn() {
        return node + "." + domain;
    }

    /** The steps in order; each command is one line with every value quoted. */
    public List<IdentityStep> steps() {
        List<IdentityStep> steps = new ArrayList<>();
        steps.add(IdentityStep.of("set hostname", ShellQuote.command("hostnamectl", "set-hostname", node)));
        steps.add(IdentityStep.of("write /etc/hostname", printf(List.of(node), "/etc/hostname")));
        steps.add(IdentityStep.of("write /etc/hosts", printf(hostsLines(), "/etc/hosts")));
        steps.add(IdentityStep.of("reset machine-id", machineId()));
        steps.add(new IdentityStep(
                "set root password (via stdin)",
                "printf '%s\\n' \"$" + INPUT + "\" | " + ShellQuote.command("chpasswd"),
                Secret.of("root:" + rootPassword.reveal())));
        steps.add(IdentityStep.of("restart pve-cluster", ShellQuote.command("systemctl", "restart", "pve-cluster")));
        steps.add(IdentityStep.of("regenerate certificates", ShellQuote.command("pvecm", "updatecerts", "--force")));
        steps.add(IdentityStep.of("restart pvedaemon", ShellQuote.command("systemctl", "restart", "pvedaemon")));
        steps.add(IdentityStep.of("restart pveproxy", ShellQuote.command("systemctl", "restart", "pveproxy")));
        return List.copyOf(steps);
    }

    /**
     * A new machine-id, made once per node: the marker file names the node it was made for, so a
     * re-run of the script keeps the id it made.
     */
    private String machineId() {
        return "[ \"$(cat " + MACHINE_ID_MARKER + " 2>/dev/null)\" = " + ShellQuote.quote(node) + " ] || { "
                + ShellQuote.command("rm", "-f", "/etc/machine-id", "/var/lib/dbus/machine-id") + " && "
                + ShellQuote.command("systemd-machine-id-setup") + " && "
                + printf(List.of(node), MACHINE_ID_MARKER) + "; }";
    }

    /**
     * The whole identity as one script: the secret input read into a variable first, then each step
     * announced on standard output ({@link #STEP_MARK}) and chained with {@code &&}, so that the first
     * failing step ends the script with its exit status and the last mark names it; after the steps,
     * {@link #DONE_MARK} and the served certificate (pveproxy-ssl.pem when present, else pve-ssl.pem).
     */
    public String script() {
        StringBuilder sb = new StringBuilder("IFS= read -r " + INPUT + " &&\n");
        for (IdentityStep step : steps()) {
            sb.append(ShellQuote.command("echo", STEP_MARK + step.label()))
                    .append(" &&\n")
                    .append(step.command())
                    .append(" &&\n");
        }
        sb.append(ShellQuote.command("echo", DONE_MARK)).append(" &&\n");
        sb.append("{ cat /etc/pve/local/pveproxy-ssl.pem 2>/dev/null || cat ")
                .append(ShellQuote.quote("/etc/pve/local/pve-ssl.pem"))
                .append(" 2>/dev/null || true; }\n");
        return sb.toString();
    }

    /** The new {@code /etc/hosts}: PVE needs the node name on the non-loopback IP (pve-facts §5.1). */
    List<String> hostsLines() {
        return List.of(
                "127.0.0.1 localhost.localdomain localhost",
                address + " " + fqdn() + " " + node,
                "",
                "# The following lines are desirable for IPv6 capable hosts",
                "::1     ip6-localhost ip6-loopback",
                "fe00::0 ip6-localnet",
                "ff00::0 ip6-mcastprefix",
                "ff02::1 ip6-allnodes",
                "ff02::2 ip6-allrouters",
                "ff02::3 ip6-allhosts");
    }

    private static String printf(List<String> lines, String file) {
        List<String> argv = new ArrayList<>(List.of("printf", "%s\\n"));
        argv.addAll(lines);
        return ShellQuote.join(argv) + " > " + ShellQuote.quote(file);
    }

    /**
     * Runs {@link #script()} once on {@code guest} (a root shell whose host key was verified), declared
     * idempotent (a runner that can reconnect runs it again after a drop), with the root password on
     * its standard input; returns the certificate it printed.
     *
     * @param timeout for the script
     * @throws GuestIdentityException naming the node, the step and its error output (never the password)
     */
    public IdentityResult apply(SecretInputRunner guest, Duration timeout) throws InterruptedException {
        Secret input = steps().stream()
                .map(IdentityStep::secretInput)
                .filter(Objects::nonNull)
                .findFirst()
                .orElseThrow();
        ExecResult r = guest.runIdempotentWithSecretInput(script(), "identity script", input.reveal() + "\n", timeout);
        int done = r.stdout().indexOf(DONE_MARK);
        if (!r.ok() || done < 0) {
            String step = failedStep(r.stdout());
            String tail = r.tail(3).replace(rootPassword.reveal(), "****");
            throw new GuestIdentityException(
                    node,
                    step,
                    r.exitCode(),
                    "giving " + node + " its identity failed at '" + step + "' (exit " + r.exitCode() + "): " + tail
                            + " — check that the template is a PVE installation and that SSH logs in as root");
        }
        String pem = r.stdout().substring(done + DONE_MARK.length());
        return new IdentityResult(
                Pem.firstCertificateFingerprint(pem).map(Fingerprint::value).orElse(null));
    }

    /** The label of the last step the script announced. */
    static String failedStep(String stdout) {
        int at = stdout.lastIndexOf(STEP_MARK);
        if (at < 0) {
            return "read the secret input";
        }
        int end = stdout.indexOf('\n', at);
        return stdout.substring(at + STEP_MARK.length(), end < 0 ? stdout.length() : end)
                .strip();
    }

    /** Parses {@code sha256 Fingerprint=AA:BB:…} (OpenSSL 3) or {@code SHA256 Fingerprint=…} (1.1). */
    static String apiFingerprint(String opensslOutput) {
        int eq = opensslOutput.indexOf('=');
        String fp = eq < 0 ? "" : opensslOutput.substring(eq + 1).strip().toUpperCase(Locale.ROOT);
        return Fingerprint.isNormalised(fp) ? fp : null;
    }

    @Override
    public String toString() {
        return "GuestIdentity[" + fqdn() + " " + address + ", rootPassword=****]";
    }
}
