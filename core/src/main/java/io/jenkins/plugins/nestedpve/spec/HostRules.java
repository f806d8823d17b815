package io.jenkins.plugins.nestedpve.spec;

import io.jenkins.plugins.nestedpve.pve.Fingerprint;
import io.jenkins.plugins.nestedpve.ssh.HostKeyFingerprint;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The rules of the physical host's section of a spec: where its API is, its pins, SSH access. */
public final class HostRules {
    private static final Set<String> API_PATHS = Set.of("", "/", "/api2/json", "/api2/json/");
    private static final String URL_HINT = " — use the API base URL, e.g. https://pve1.example.com:8006";

    private HostRules() {}

    /** Every problem of {@code host}. */
    public static List<SpecProblem> problems(HostRef host) {
        List<SpecProblem> out = new ArrayList<>();
        apiUrl(host.apiUrl()).ifPresent(out::add);
        node(host.node()).ifPresent(out::add);
        apiFingerprint(host.apiFingerprint()).ifPresent(out::add);
        host.sshTarget().ifPresent(ssh -> out.addAll(ssh(ssh)));
        return out;
    }

    /** {@code https://HOST[:PORT]}, optionally with the path {@code /api2/json}; no user, query or fragment. */
    public static Optional<SpecProblem> apiUrl(String url) {
        URI u;
        try {
            u = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            return problem("host.apiUrl", Names.show(url) + " is not a valid URL (" + e.getReason() + ")" + URL_HINT);
        }
        if (!"https".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
            return problem("host.apiUrl", Names.show(url) + " is not an https URL with a host name" + URL_HINT);
        }
        boolean extra = u.getUserInfo() != null || u.getQuery() != null || u.getFragment() != null;
        if (extra || !API_PATHS.contains(u.getPath() == null ? "" : u.getPath())) {
            return problem(
                    "host.apiUrl",
                    Names.show(url) + " has a user name, path, query or fragment; PVE needs none" + URL_HINT);
        }
        return Optional.empty();
    }

    /** The node's name as PVE shows it ({@code pve-node}). */
    public static Optional<SpecProblem> node(String node) {
        return node != null && Names.PVE_NODE.matcher(node).matches()
                ? Optional.empty()
                : problem(
                        "host.node",
                        Names.show(node) + " is not a PVE node name (letters, digits and '-')"
                                + " — use the node's short hostname as the PVE GUI shows it, e.g. 'pve1'");
    }

    /** The SHA-256 fingerprint of the API certificate ({@link Fingerprint#parse}: with or without colons). */
    public static Optional<SpecProblem> apiFingerprint(String fingerprint) {
        try {
            Fingerprint.parse(fingerprint);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return problem(
                    "host.apiFingerprint",
                    "must be the SHA-256 fingerprint of the API certificate as 32 colon-separated hex pairs"
                            + " (AA:BB:...), got " + Names.show(fingerprint)
                            + " — read it on the host with 'openssl x509 -noout"
                            + " -fingerprint -sha256 -in /etc/pve/local/pve-ssl.pem' (or pveproxy-ssl.pem if present)");
        }
    }

    /** An OpenSSH SHA-256 host key fingerprint ({@link HostKeyFingerprint#normalize}). */
    public static Optional<SpecProblem> sshHostKeyFingerprint(String fingerprint) {
        try {
            HostKeyFingerprint.normalize(fingerprint == null ? "" : fingerprint);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return problem(
                    "host.ssh.hostKeyFingerprint",
                    "must be an OpenSSH SHA-256 fingerprint 'SHA256:<43 base64 characters>', got "
                            + Names.show(fingerprint) + " — read it on the host with"
                            + " 'ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub'");
        }
    }

    private static List<SpecProblem> ssh(HostSshTarget ssh) {
        List<SpecProblem> out = new ArrayList<>();
        if (ssh.host() == null || ssh.host().isBlank() || ssh.host().matches(".*\\s.*")) {
            out.add(new SpecProblem(
                    "host.ssh.host", "must be the physical host's name or IP, got " + Names.show(ssh.host())));
        }
        SpecRules.port("host.ssh.port", ssh.port(), "the host's SSH port, usually 22")
                .ifPresent(out::add);
        if (ssh.user() == null || !ssh.user().matches("[a-z_][a-z0-9_.-]*")) {
            out.add(new SpecProblem("host.ssh.user", Names.show(ssh.user()) + " is not a login name — usually 'root'"));
        }
        sshHostKeyFingerprint(ssh.hostKeyFingerprint()).ifPresent(out::add);
        return out;
    }

    private static Optional<SpecProblem> problem(String field, String message) {
        return SpecRules.problem(field, message);
    }
}
