package io.jenkins.plugins.nestedpve.sim.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * PVE privilege names and built-in roles per release (pve-access-control:src/PVE/AccessControl.pm
 * {@code $privgroups}, {@code create_roles}; pve-facts §8). On 8.x guest-agent calls need {@code
 * VM.Monitor}; 9.x removed it and split agent access into {@code VM.GuestAgent.*}, and lists {@code VM.Replicate}
 * (official schemas: {@code PUT /access/roles/{roleid}} {@code privs} of 9.1 against 8.4).
 */
public final class Privileges {
    private static final List<String> VM_COMMON = List.of(
            "VM.Allocate",
            "VM.Audit",
            "VM.Backup",
            "VM.Clone",
            "VM.Config.CDROM",
            "VM.Config.CPU",
            "VM.Config.Cloudinit",
            "VM.Config.Disk",
            "VM.Config.HWType",
            "VM.Config.Memory",
            "VM.Config.Network",
            "VM.Config.Options",
            "VM.Console",
            "VM.Migrate",
            "VM.PowerMgmt",
            "VM.Snapshot",
            "VM.Snapshot.Rollback");
    private static final List<String> AGENT_9 = List.of(
            "VM.GuestAgent.Audit",
            "VM.GuestAgent.FileRead",
            "VM.GuestAgent.FileWrite",
            "VM.GuestAgent.FileSystemMgmt",
            "VM.GuestAgent.Unrestricted",
            // in the roles' privilege list of the 9.1 schema, not of the 8.4 schema
            "VM.Replicate");
    private static final List<String> OTHER = List.of(
            "Sys.Audit",
            "Sys.Console",
            "Sys.Incoming",
            "Sys.Modify",
            "Sys.PowerMgmt",
            "Sys.Syslog",
            "Sys.AccessNetwork",
            "Datastore.Allocate",
            "Datastore.AllocateSpace",
            "Datastore.AllocateTemplate",
            "Datastore.Audit",
            "SDN.Allocate",
            "SDN.Audit",
            "SDN.Use",
            "Pool.Allocate",
            "Pool.Audit",
            "Mapping.Audit",
            "Mapping.Modify",
            "Mapping.Use",
            "User.Modify",
            "Group.Allocate",
            "Realm.Allocate",
            "Realm.AllocateUser",
            "Permissions.Modify");

    private final boolean nine;

    /** Privileges of a PVE release ("8.4", "9.1", ...). */
    public Privileges(String release) {
        this.nine = !release.startsWith("8.") && !release.startsWith("7.");
    }

    /** Whether this release has {@code VM.GuestAgent.*} instead of {@code VM.Monitor}. */
    public boolean agentPrivsSplit() {
        return nine;
    }

    /** All VM privileges of this release. */
    public Set<String> vmPrivileges() {
        Set<String> s = new LinkedHashSet<>(VM_COMMON);
        if (nine) {
            s.addAll(AGENT_9);
        } else {
            s.add("VM.Monitor");
        }
        return s;
    }

    /** Every privilege of this release. */
    public Set<String> all() {
        Set<String> s = vmPrivileges();
        s.addAll(OTHER);
        return s;
    }

    /** The built-in roles: role id to privileges. */
    public Map<String, Set<String>> builtinRoles() {
        Map<String, Set<String>> roles = new TreeMap<>();
        roles.put("Administrator", all());
        roles.put("NoAccess", Set.of());
        roles.put("PVEVMAdmin", vmPrivileges());
        Set<String> vmUser = new LinkedHashSet<>(List.of(
                "VM.Audit", "VM.Backup", "VM.Config.CDROM", "VM.Config.Cloudinit", "VM.Console", "VM.PowerMgmt"));
        if (nine) {
            vmUser.addAll(List.of(
                    "VM.GuestAgent.Audit",
                    "VM.GuestAgent.FileRead",
                    "VM.GuestAgent.FileWrite",
                    "VM.GuestAgent.FileSystemMgmt"));
        }
        roles.put("PVEVMUser", vmUser);
        roles.put("PVEDatastoreUser", Set.of("Datastore.AllocateSpace", "Datastore.Audit"));
        roles.put("PVESDNUser", Set.of("SDN.Use", "SDN.Audit"));
        roles.put("PVETemplateUser", Set.of("VM.Clone", "VM.Audit"));
        roles.put("PVEPoolAdmin", Set.of("Pool.Allocate", "Pool.Audit"));
        roles.put("PVEPoolUser", Set.of("Pool.Audit"));
        Set<String> auditor = new LinkedHashSet<>();
        for (String p : all()) {
            if (p.endsWith(".Audit")) {
                auditor.add(p);
            }
        }
        roles.put("PVEAuditor", auditor);
        return roles;
    }

    /** The privileges an agent command needs: {@code VM.Monitor} on 8.x, per command on 9.x. */
    public String agentPrivilege(String command) {
        if (!nine) {
            return "VM.Monitor";
        }
        return switch (command) {
            case "exec", "exec-status", "set-user-password", "generic" -> "VM.GuestAgent.Unrestricted";
            case "file-read" -> "VM.GuestAgent.FileRead";
            case "file-write" -> "VM.GuestAgent.FileWrite";
            case "fsfreeze-freeze", "fsfreeze-thaw", "fsfreeze-status", "fstrim" -> "VM.GuestAgent.FileSystemMgmt";
            case "shutdown", "suspend-disk", "suspend-ram", "suspend-hybrid" -> "VM.PowerMgmt";
            default -> "VM.GuestAgent.Audit";
        };
    }
}
