package io.jenkins.plugins.nestedpve.preflight;

/**
 * A privilege the API token lacks.
 *
 * @param privilege e.g. {@code VM.Allocate}
 * @param path the ACL path it is needed on, e.g. {@code /vms/80001}
 * @param purpose what it is needed for, e.g. {@code create and destroy the guests}
 * @param role a built-in role that grants it (pve-facts §8), e.g. {@code PVEVMAdmin}
 * @param grantPath where to grant the role (propagating), e.g. {@code /vms}
 */
public record MissingPrivilege(String privilege, String path, String purpose, String role, String grantPath) {
    /** {@code grant PVEVMAdmin on /vms}. */
    public String grant() {
        return "grant " + role + " on " + grantPath;
    }

    @Override
    public String toString() {
        return privilege + " on " + path + " (" + purpose + ") — " + grant();
    }
}
