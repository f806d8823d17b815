package io.jenkins.plugins.nestedpve.sim.http;

import java.util.Optional;
import java.util.Set;

/**
 * The user database of one simulated PVE node, as the HTTP layer needs it. The machine model
 * implements it; a cluster join replaces it (tokens gone, tickets invalid).
 */
public interface AuthBackend {
    /** The principal for a valid, enabled, unexpired token, else empty. */
    Optional<Principal> verifyToken(String userid, String tokenid, String secret);

    /** Whether {@code password} is the password of {@code userid} (e.g. root@pam). */
    boolean verifyPassword(String userid, String password);

    /**
     * The secret that signs tickets and CSRF tokens; a new value invalidates every ticket issued
     * before (a join replaces {@code /etc/pve} and with it the auth key).
     */
    byte[] authKey();

    /** The cluster name for the ticket response, or {@code null} when standalone. */
    String clusterName();

    /** Every privilege of this node's release (pve-access-control:src/PVE/AccessControl.pm {@code $privgroups}). */
    Set<String> privilegeNames();

    /** Whether {@code who} has {@code privilege} on the ACL path {@code path} (RPCEnvironment.pm {@code check}). */
    boolean hasPrivilege(Principal who, String path, String privilege);
}
