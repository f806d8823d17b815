package io.jenkins.plugins.nestedpve.plugin;

import io.jenkins.plugins.nestedpve.preflight.HostLimits;
import io.jenkins.plugins.nestedpve.spec.HostRules;
import io.jenkins.plugins.nestedpve.spec.SpecRules;
import io.jenkins.plugins.nestedpve.spec.VmidRange;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The field checks of a PVE host configuration: each spec field asks the core's {@link SpecRules} or {@link
 * HostRules}; only what is about this Jenkins (host ids, credentials, what a blank field means) is decided here.
 */
public final class HostChecks {
    /** A host id as pipelines write it: {@code nestedPveCluster(host: 'lab')}. */
    static final Pattern HOST_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

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

    /** The PVE API address: {@code https://HOST[:PORT]}. */
    public static Validation apiUrl(String value) {
        return required(value, "Enter the API address of the PVE host, e.g. https://pve1.example.org:8006")
                .orElseGet(() -> Validation.of(() -> HostRules.apiUrl(value)));
    }

    public static Validation node(String value) {
        return required(value, "Enter the PVE node name (the short host name shown in the PVE tree).")
                .orElseGet(() -> Validation.of(() -> HostRules.node(value.strip())));
    }

    /** The SHA-256 fingerprint of the host's API certificate, the only TLS trust there is. */
    public static Validation fingerprint(String value) {
        return required(
                        value,
                        "Required: TLS to the host is trusted only by this pin. Read it on the host with"
                                + " `pvenode cert info` (the pveproxy-ssl.pem entry if present, else pve-ssl.pem).")
                .orElseGet(() -> Validation.of(() -> HostRules.apiFingerprint(value)));
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
        return Validation.of(() -> HostRules.sshHostKeyFingerprint(value));
    }

    /** A credentials id that must be chosen. */
    public static Validation requiredCredentials(String value, String what) {
        return blank(value) ? Validation.error("Select the " + what + ".") : Validation.ok();
    }

    /** The optional resource pool. */
    public static Validation pool(String value) {
        return blank(value) ? Validation.ok() : Validation.of(() -> SpecRules.pool(value.strip()));
    }

    /** The template's root password is no longer used: a value still loads, with a warning to clear it. */
    public static Validation unusedTemplatePassword(String value) {
        return blank(value)
                ? Validation.ok()
                : Validation.warning("Unused: fresh guests are reached with a key placed through the guest agent, not"
                        + " with the template's password. Clear this field and delete the credential.");
    }

    /** The default template: its VMID or its name. */
    public static Validation template(String value) {
        return blank(value)
                ? Validation.warning("No default template: every nestedPveCluster step must then name one.")
                : ClusterStepChecks.templateRef(value);
    }

    /** The storage of full clones. */
    public static Validation storage(String value) {
        return required(value, "Enter the storage for the guests' disks, e.g. local-lvm.")
                .orElseGet(() -> ClusterStepChecks.storage(value));
    }

    public static Validation bridge(String value) {
        return required(value, "Enter the bridge the guests attach to, e.g. vmbr0.")
                .orElseGet(() -> ClusterStepChecks.bridge(value));
    }

    /** A VLAN tag 1..4094, or 0 / empty for an untagged port. */
    public static Validation vlan(String value) {
        return blank(value) ? Validation.ok() : ClusterStepChecks.vlan(value);
    }

    /** The VLAN tags a step may choose: the core's parser says what is wrong. */
    public static Validation allowedVlans(String value) {
        try {
            HostLimits.vlans(value);
            return Validation.ok();
        } catch (IllegalArgumentException e) {
            return Validation.error(e.getMessage());
        }
    }

    /** The longest keep-on-failure a step may ask for: empty (no cap), {@code 0} (never) or a duration. */
    public static Validation maxKeepOnFailure(String value) {
        return ClusterStepChecks.keepOnFailure(value);
    }

    /** One end of the VMID range; both ends are checked so that either field shows the problem. */
    public static Validation vmidRange(String start, String end) {
        Integer s = integer(start);
        Integer e = integer(end);
        if (s == null || e == null) {
            return Validation.error("Both ends of the VMID range must be whole numbers between " + VmidRange.MIN
                    + " and " + VmidRange.MAX + ".");
        }
        return Validation.of(() -> SpecRules.vmidRange(new VmidRange(s, e), 1));
    }

    /** A positive whole number not above {@code max}. */
    public static Validation positive(String value, int max, String what) {
        Integer n = integer(value);
        return n != null && n >= 1 && n <= max
                ? Validation.ok()
                : Validation.error(what + " must be a whole number from 1 to " + max + ".");
    }

    private static Optional<Validation> required(String value, String what) {
        return blank(value) ? Optional.of(Validation.error(what)) : Optional.empty();
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
