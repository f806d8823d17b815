package io.jenkins.plugins.nestedpve.pve;

import java.util.Collection;

/**
 * Which built-in PVE role to grant for a missing privilege (pve-access-control:src/PVE/AccessControl.pm {@code
 * create_roles}): the one home of that advice, for a 403 answer and for the preflight's privilege check alike.
 */
public final class PveRoles {
    private PveRoles() {}

    /** A built-in role holding {@code privilege}. */
    public static String role(String privilege) {
        if (privilege.equals("VM.Clone")) {
            return "PVETemplateUser";
        }
        if (privilege.equals("VM.Audit") || privilege.startsWith("Sys.Audit") || privilege.endsWith(".Audit")) {
            return "PVEAuditor";
        }
        if (privilege.startsWith("VM.")) {
            return "PVEVMAdmin";
        }
        if (privilege.startsWith("Datastore.")) {
            return "PVEDatastoreUser";
        }
        if (privilege.startsWith("SDN.")) {
            return "PVESDNUser";
        }
        if (privilege.startsWith("Pool.")) {
            return "PVEPoolAdmin";
        }
        if (privilege.startsWith("Mapping.")) {
            return "PVEMappingUser";
        }
        return "Administrator";
    }

    /**
     * The role for {@code privilege} when the same path also needs {@code alongside}: an {@code *.Audit} privilege
     * goes with the role of another privilege of its kind there (every such built-in role holds that kind's Audit),
     * so one grant covers both.
     */
    public static String role(String privilege, Collection<String> alongside) {
        if (privilege.endsWith(".Audit")) {
            String kind = kind(privilege);
            for (String other : alongside) {
                if (!other.endsWith(".Audit") && kind(other).equals(kind)) {
                    return role(other);
                }
            }
        }
        return role(privilege);
    }

    private static String kind(String privilege) {
        int dot = privilege.indexOf('.');
        return dot < 0 ? privilege : privilege.substring(0, dot);
    }
}
