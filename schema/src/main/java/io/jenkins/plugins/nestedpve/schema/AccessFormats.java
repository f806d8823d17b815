package io.jenkins.plugins.nestedpve.schema;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Formats of pve-access-control: src/PVE/AccessControl.pm and src/PVE/Auth/Plugin.pm. */
final class AccessFormats {
    private static final String REALM = "[A-Za-z][A-Za-z0-9\\.\\-_]+";
    private static final String USER = "[^\\s:/]+";
    private static final Pattern REALM_RE = Rx.of("^" + REALM + "$");
    private static final Pattern USERID = Rx.of("^(" + USER + ")@(" + REALM + ")$");
    private static final Pattern TOKENID = Rx.of("^((" + USER + ")@(" + REALM + "))!(" + REALM + ")$");
    private static final Pattern NAME = Rx.of("^[A-Za-z0-9\\.\\-_]+$");
    private static final Pattern POOL = Rx.of("^[A-Za-z0-9\\.\\-_]+(?:/[A-Za-z0-9\\.\\-_]+){0,2}$");

    // $privgroups of AccessControl.pm (plus Permissions.Modify); 9.x replaced VM.Monitor by the
    // VM.GuestAgent.* privileges and added VM.Replicate (branch stable-bookworm vs master).
    private static final List<String> COMMON_PRIVS = List.of(
            "Permissions.Modify",
            "VM.Config.Disk",
            "VM.Config.CPU",
            "VM.Config.Memory",
            "VM.Config.Network",
            "VM.Config.HWType",
            "VM.Config.Options",
            "VM.Allocate",
            "VM.Clone",
            "VM.Migrate",
            "VM.Snapshot",
            "VM.Snapshot.Rollback",
            "VM.Config.CDROM",
            "VM.Config.Cloudinit",
            "VM.Console",
            "VM.Backup",
            "VM.PowerMgmt",
            "VM.Audit",
            "Sys.PowerMgmt",
            "Sys.Modify",
            "Sys.Incoming",
            "Sys.AccessNetwork",
            "Sys.Console",
            "Sys.Syslog",
            "Sys.Audit",
            "Datastore.Allocate",
            "Datastore.AllocateTemplate",
            "Datastore.AllocateSpace",
            "Datastore.Audit",
            "SDN.Allocate",
            "SDN.Audit",
            "SDN.Use",
            "Realm.Allocate",
            "User.Modify",
            "Group.Allocate",
            "Realm.AllocateUser",
            "Pool.Allocate",
            "Pool.Audit",
            "Mapping.Modify",
            "Mapping.Use",
            "Mapping.Audit");
    private static final List<String> PVE8_PRIVS = List.of("VM.Monitor");
    private static final List<String> PVE9_PRIVS = List.of(
            "VM.GuestAgent.Unrestricted",
            "VM.GuestAgent.FileRead",
            "VM.GuestAgent.FileSystemMgmt",
            "VM.GuestAgent.FileWrite",
            "VM.GuestAgent.Audit",
            "VM.Replicate");

    private AccessFormats() {}

    static void register(Map<String, CodeFormat> f, String version) {
        Set<String> privs = privileges(version);
        f.put("pve-realm", v -> Rx.require(REALM_RE, v, "value does not look like a valid realm"));
        f.put("pve-userid", AccessFormats::userid);
        f.put("pve-tokenid", v -> Rx.require(TOKENID, v, "value '" + v + "' does not look like a valid token ID"));
        f.put("pve-groupid", v -> Rx.require(NAME, v, "group name '" + v + "' contains invalid characters"));
        f.put("pve-roleid", v -> Rx.require(NAME, v, "role name '" + v + "' contains invalid characters"));
        f.put("pve-poolid", AccessFormats::poolid);
        f.put("pve-priv", v -> {
            if (!privs.contains(v)) {
                throw FormatException.die("invalid privilege '" + v + "'");
            }
        });
    }

    static Set<String> privileges(String version) {
        java.util.HashSet<String> all = new java.util.HashSet<>(COMMON_PRIVS);
        all.addAll(Dialect.forVersion(version) == Dialect.PVE8 ? PVE8_PRIVS : PVE9_PRIVS);
        return Set.copyOf(all);
    }

    // verify_username
    private static void userid(String value) throws FormatException {
        String username = Perl.truthy(value) ? value : "";
        int len = username.codePointCount(0, username.length());
        if (len < 3) {
            throw FormatException.die("user name '" + username + "' is too short");
        }
        if (len > 64) {
            throw FormatException.die("user name '" + username + "' is too long (" + len + " > 64)");
        }
        Rx.require(USERID, username, "value '" + username + "' does not look like a valid user name");
    }

    // verify_poolname; Perl's split drops trailing empty fields
    private static void poolid(String pool) throws FormatException {
        String[] levels = pool.split("/");
        int count = levels.length == 1 && levels[0].isEmpty() ? 0 : levels.length;
        if (count > 3) {
            throw FormatException.die("pool name '" + pool + "' nested too deeply (max levels = 3)");
        }
        Rx.require(POOL, pool, "pool name '" + pool + "' contains invalid characters");
    }
}
