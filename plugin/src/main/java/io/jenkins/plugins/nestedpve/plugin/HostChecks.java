package io.jenkins.plugins.nestedpve.plugin;

import io.jenkins.plugins.nestedpve.pve.Fingerprint;
import io.jenkins.plugins.nestedpve.ssh.HostKeyFingerprint;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * The field checks of a PVE host configuration: pure functions from the text a user typed to a {@link Validation}
 * that says what is wrong and what to do. Formats follow pve-facts.md.
 */
public final class HostChecks {
    /** A host id as pipelines write it: {@code nestedPveCluster(host: 'lab')}. */
    static final Pattern HOST_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** pve-common:src/PVE/JSONSchema.pm {@code pve_verify_node_name} (pve-facts §3.1). */
    static final Pattern NODE = Pattern.compile("[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?");
    /** pve-common:src/PVE/JSONSchema.pm {@code pve_verify_vmid}: 100..999999999 (pve-facts §3.1). */
    static final Pattern VMID = Pattern.compile("[1-9][0-9]{2,8}");
    /** pve-common:src/PVE/JSONSchema.pm {@code pve-storage-id}. */
    static final Pattern STORAGE = Pattern.compile("[a-zA-Z][a-zA-Z0-9\\-_.]*[a-zA-Z0-9]");
    /** A Linux bridge name: at most 15 characters. */
    static final Pattern BRIDGE = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,14}");
    /** A template given by name: a DNS name, as PVE's VM {@code name} (pve-facts §3.1). */
    static final Pattern DNS_NAME =
            Pattern.compile("[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)*");

    public static final int MIN_VMID = 100;
    public static final int MAX_VMID = 999_999_999;

    private HostChecks() {}

    public static Validation id(String value) {
        if (blank(value)) {
            return Validation.error("Give the host a short id; pipelines name it, e.g. nestedPveCluster(host: 'lab').");
        }
        return HOST_ID.matcher(value.strip()).matches()
                ? Validation.ok()
                : Validation.error("Use letters, digits, '.', '_' and '-' only (at most 64), starting with a letter"
                        + " or digit.");
    }

    /** The PVE API address: {@code https://HOST[:PORT]} (port 8006 when left out). */
    public static Validation apiUrl(String value) {
        if (blank(value)) {
            return Validation.error("Enter the API address of the PVE host, e.g. https://pve1.example.org:8006");
        }
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            return Validation.error("Not a URL (" + e.getReason() + "); expected https://HOST:8006");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            return Validation.error("PVE serves its API over HTTPS only; use https://HOST:8006");
        }
        if (uri.getHost() == null || uri.getUserInfo() != null) {
            return Validation.error("Expected https://HOST:8006 with a host name or IP address and no user name.");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (!path.isEmpty() && !path.equals("/") && !path.equals("/api2/json") && !path.equals("/api2/json/")) {
            return Validation.error("Give the address only (https://HOST:8006); the path " + path + " is not used.");
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            return Validation.error("Remove the query or fragment; expected https://HOST:8006");
        }
        return uri.getPort() == -1 ? Validation.ok("Port 8006 (the PVE default) is used.") : Validation.ok();
    }

    public static Validation node(String value) {
        if (blank(value)) {
            return Validation.error("Enter the PVE node name (the short host name shown in the PVE tree).");
        }
        return NODE.matcher(value.strip()).matches()
                ? Validation.ok()
                : Validation.error("A PVE node name has letters, digits and '-' only (the short host name,"
                        + " without the domain).");
    }

    /** The SHA-256 fingerprint of the host's API certificate, the only TLS trust there is. */
    public static Validation fingerprint(String value) {
        if (blank(value)) {
            return Validation.error("Required: TLS to the host is trusted only by this pin. Read it on the host with"
                    + " `pvenode cert info` (the pveproxy-ssl.pem entry if present, else pve-ssl.pem).");
        }
        try {
            Fingerprint.parse(value);
            return Validation.ok();
        } catch (IllegalArgumentException e) {
            return Validation.error(e.getMessage());
        }
    }

    /** Optional OpenSSH {@code SHA256:...} fingerprint of the host's SSH key. */
    public static Validation sshHostKeyFingerprint(String value) {
        return sshHostKeyFingerprint(value, null);
    }

    /**
     * The host's SSH key fingerprint, which the SSH credential needs: SSH to the host is used only with a pinned
     * host key, so a credential without one would be silently unused.
     */
    public static Validation sshHostKeyFingerprint(String value, String sshCredentialsId) {
        if (blank(value)) {
            return blank(sshCredentialsId)
                    ? Validation.ok()
                    : Validation.warning("The SSH credential is used only together with the host's SSH key"
                            + " fingerprint: enter it (on the host: ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub),"
                            + " or the nesting preflight cannot log in to the host.");
        }
        try {
            HostKeyFingerprint.normalize(value);
            return Validation.ok();
        } catch (IllegalArgumentException e) {
            return Validation.error(e.getMessage());
        }
    }

    /** A credentials id that must be chosen. */
    public static Validation requiredCredentials(String value, String what) {
        return blank(value) ? Validation.error("Select the " + what + ".") : Validation.ok();
    }

    /**
     * The optional resource pool: a PVE pool id ({@code pve-poolid}: letters, digits, '.', '-', '_', up to three
     * levels separated by '/'; pve-access-control {@code verify_poolname}).
     */
    public static Validation pool(String value) {
        if (blank(value)) {
            return Validation.ok();
        }
        return value.strip().matches("[A-Za-z0-9.\\-_]+(/[A-Za-z0-9.\\-_]+){0,2}")
                ? Validation.ok()
                : Validation.error("Give the pool's name as 'pveum pool list' shows it (letters, digits, '.', '-', '_';"
                        + " up to three levels separated by '/'), or leave it empty.");
    }

    /** The template's root password is no longer used: a value still loads, with a warning to clear it. */
    public static Validation unusedTemplatePassword(String value) {
        return blank(value)
                ? Validation.ok()
                : Validation.warning("Unused: fresh guests are reached with a key placed through the guest agent, not"
                        + " with the template's password. Clear this field and delete the credential.");
    }

    /** The template VM: its VMID or its name. */
    public static Validation template(String value) {
        if (blank(value)) {
            return Validation.warning("No default template: every nestedPveCluster step must then name one.");
        }
        String v = value.strip();
        return VMID.matcher(v).matches() || DNS_NAME.matcher(v).matches()
                ? Validation.ok()
                : Validation.error("Give the template's VMID (e.g. 9000) or its VM name (letters, digits, '-', '.').");
    }

    public static Validation storage(String value) {
        if (blank(value)) {
            return Validation.error("Enter the storage for the guests' disks, e.g. local-lvm.");
        }
        return STORAGE.matcher(value.strip()).matches()
                ? Validation.ok()
                : Validation.error("A PVE storage id starts with a letter and has letters, digits, '-', '_', '.'.");
    }

    public static Validation bridge(String value) {
        if (blank(value)) {
            return Validation.error("Enter the bridge the guests attach to, e.g. vmbr0.");
        }
        return BRIDGE.matcher(value.strip()).matches()
                ? Validation.ok()
                : Validation.error("A bridge name starts with a letter and has at most 15 characters, e.g. vmbr0.");
    }

    /** A VLAN tag 1..4094, or 0 / empty for an untagged port. */
    public static Validation vlan(String value) {
        if (blank(value)) {
            return Validation.ok();
        }
        Integer tag = integer(value);
        return tag != null && tag >= 0 && tag <= 4094
                ? Validation.ok()
                : Validation.error("A VLAN tag is 1..4094 (0 or empty: untagged).");
    }

    /** The VLAN tags a step may choose: the core's parser says what is wrong. */
    public static Validation allowedVlans(String value) {
        try {
            io.jenkins.plugins.nestedpve.cluster.HostLimits.vlans(value);
            return Validation.ok();
        } catch (IllegalArgumentException e) {
            return Validation.error(e.getMessage());
        }
    }

    /** The longest keep-on-failure a step may ask for: empty (no cap), {@code 0} (never) or a duration. */
    public static Validation maxKeepOnFailure(String value) {
        if (blank(value)) {
            return Validation.ok();
        }
        try {
            io.jenkins.plugins.nestedpve.spec.DurationText.parse(value);
            return Validation.ok();
        } catch (IllegalArgumentException e) {
            return Validation.error(e.getMessage());
        }
    }

    /**
     * One end of the VMID range the guests take their ids from; both ends are checked so that either field
     * shows the problem.
     */
    public static Validation vmidRange(String start, String end) {
        Integer s = integer(start);
        Integer e = integer(end);
        if (s == null || e == null) {
            return Validation.error(
                    "Both ends of the VMID range must be whole numbers between " + MIN_VMID + " and " + MAX_VMID + ".");
        }
        if (s < MIN_VMID || e < MIN_VMID || s > MAX_VMID || e > MAX_VMID) {
            return Validation.error("PVE accepts VMIDs from " + MIN_VMID + " to " + MAX_VMID + " only.");
        }
        if (s >= e) {
            return Validation.error("The range start (" + s + ") must be below its end (" + e + ").");
        }
        return Validation.ok();
    }

    /** A positive whole number not above {@code max}. */
    public static Validation positive(String value, int max, String what) {
        Integer n = integer(value);
        return n != null && n >= 1 && n <= max
                ? Validation.ok()
                : Validation.error(what + " must be a whole number from 1 to " + max + ".");
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static Integer integer(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
