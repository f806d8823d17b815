package io.jenkins.plugins.nestedpve.pve;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PVE's 403 texts (pve-access-control:src/PVE/RPCEnvironment.pm, pve-facts §1.3, §8) and says
 * which role to grant on which path.
 */
final class PermissionAdvice {
    /** {@code Permission check failed (/vms/100, VM.Allocate)}; the privilege may carry a remark. */
    private static final Pattern PATH_PRIV = Pattern.compile("\\((/[^,)]*), ([A-Za-z][A-Za-z.]*)");

    private PermissionAdvice() {}

    static PvePermissionException exception(PveErrorResponse r, PveCredentials credentials) {
        String text = r.text();
        String head = r.request() + ": 403 " + text + ". ";
        if (text.contains("user != root@pam")) {
            return new PvePermissionException(head + rootOnly(credentials), r, null, null, true);
        }
        if (text.contains("not available with API token")) {
            return new PvePermissionException(
                    head + "This endpoint refuses API tokens; it needs a ticket login (user and password),"
                            + " for cluster create/join a root@pam ticket.",
                    r,
                    null,
                    null,
                    true);
        }
        if (text.contains("pool '") && text.contains("does not exist")) {
            return new PvePermissionException(
                    head + "Create the pool first (pveum pool add <pool>) or leave the pool out.",
                    r,
                    null,
                    null,
                    false);
        }
        Matcher m = PATH_PRIV.matcher(text);
        if (m.find()) {
            String path = m.group(1);
            String priv = m.group(2);
            return new PvePermissionException(head + grant(path, priv, credentials), r, path, priv, false);
        }
        return new PvePermissionException(
                head + "Check the ACLs of " + credentials.principal() + " (pveum user permissions).",
                r,
                null,
                null,
                false);
    }

    private static String rootOnly(PveCredentials credentials) {
        String who = credentials.isToken()
                ? "an API token (" + credentials.principal() + "), and tokens never count as root@pam, not even"
                        + " root's own with privsep=0"
                : credentials.principal();
        return "Only a root@pam ticket may do this (e.g. create or join a cluster, set 'args'); this call was"
                + " made as " + who + ". Log in as root@pam with its password for this call.";
    }

    static String grant(String path, String priv, PveCredentials credentials) {
        String role = PveRoles.role(priv);
        String scope = scope(path);
        String who = credentials.principal();
        String cmd = credentials.isToken()
                ? "pveum acl modify " + scope + " --tokens '" + who + "' --roles " + role
                : "pveum acl modify " + scope + " --users '" + who + "' --roles " + role;
        String text = "Grant " + who + " a role with " + priv + " on " + path
                + (scope.equals(path) ? "" : " or a parent such as " + scope) + " (e.g. " + role + "): " + cmd + ".";
        if (credentials.isToken()) {
            text += " Remember that a token with privsep=1 only has rights that both its user and the token's"
                    + " own ACL grant.";
        }
        return text;
    }

    /** The usual place to grant it: the top of the ACL subtree ({@code /vms}, {@code /storage}, ...). */
    static String scope(String path) {
        if (path.startsWith("/sdn/zones/")) {
            String[] parts = path.split("/");
            return parts.length > 3 ? "/sdn/zones/" + parts[3] : path;
        }
        int second = path.indexOf('/', 1);
        return second < 0 ? path : path.substring(0, second);
    }
}
