package io.jenkins.plugins.nestedpve.sim.model;

import io.jenkins.plugins.nestedpve.sim.http.ApiException;
import io.jenkins.plugins.nestedpve.sim.http.Principal;
import java.util.Set;

/** PVE permission checks with PVE's 403 texts (pve-access-control:src/PVE/RPCEnvironment.pm). */
public final class Perms {
    private final UserDb users;

    public Perms(UserDb users) {
        this.users = users;
    }

    /** Requires every privilege in {@code privs} on {@code path}. */
    public void require(Principal who, String path, String... privs) {
        Set<String> have = users.privilegesOn(who, path);
        for (String p : privs) {
            if (!have.contains(p)) {
                throw ApiException.forbidden(path + ", " + p);
            }
        }
    }

    /** Requires at least one privilege of {@code privs} on {@code path}. */
    public void requireAny(Principal who, String path, String... privs) {
        Set<String> have = users.privilegesOn(who, path);
        for (String p : privs) {
            if (have.contains(p)) {
                return;
            }
        }
        throw ApiException.forbidden(path + ", " + String.join("|", privs));
    }

    public boolean has(Principal who, String path, String priv) {
        return users.privilegesOn(who, path).contains(priv);
    }

    /** Root-only endpoints (no permissions block): the literal user root@pam with a ticket. */
    public static void requireRootPam(Principal who) {
        if (who == null || !who.isRootPam()) {
            throw ApiException.forbidden("user != root@pam");
        }
    }
}
