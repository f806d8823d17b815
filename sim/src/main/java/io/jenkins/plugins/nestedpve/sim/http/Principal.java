package io.jenkins.plugins.nestedpve.sim.http;

/**
 * Who made an API request, as PVE sees it.
 *
 * @param userid {@code user@realm}
 * @param tokenid the token name when authenticated by API token, else {@code null}
 */
public record Principal(String userid, String tokenid) {
    /** {@code user@realm} or {@code user@realm!tokenid}: what PVE records as the task user. */
    public String fullId() {
        return tokenid == null ? userid : userid + "!" + tokenid;
    }

    /** Only the literal user root@pam with a ticket counts as root (pve-facts §1.5). */
    public boolean isRootPam() {
        return tokenid == null && "root@pam".equals(userid);
    }

    public boolean isToken() {
        return tokenid != null;
    }
}
