package io.jenkins.plugins.nestedpve.sim.http;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A method's declared {@code permissions}, checked before its parameters are validated, as
 * pve-manager:PVE/HTTPServer.pm {@code rest_handler} calls
 * pve-access-control:src/PVE/RPCEnvironment.pm {@code check_api2_permissions} before
 * pve-common:src/PVE/RESTHandler.pm {@code handle} validates. Evaluated: no block (root@pam only),
 * {@code user => 'world'/'all'}, and {@code check} trees of {@code perm} (with {@code any},
 * {@code require_param}), {@code and}, {@code or}. Other tests ({@code userid-group},
 * {@code perm-modify}) are left to the handler. Paths are filled from the unvalidated parameters
 * ({@code PVE::Tools::template_replace}) and normalised ({@code PVE::AccessControl::normalize_path}).
 */
final class PermissionCheck {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");
    private static final Pattern NORMAL_PATH = Pattern.compile("^[\\p{Alnum}.\\-_/]+$");

    private final AuthBackend users;
    private final Principal who;
    private final Map<String, Object> params;

    private PermissionCheck(AuthBackend users, Principal who, Map<String, Object> params) {
        this.users = users;
        this.who = who;
        this.params = params;
    }

    /**
     * Throws PVE's 403 when {@code who} may not call a method with these {@code permissions} and
     * (raw, merged) {@code params}.
     */
    static void require(AuthBackend users, Map<String, Object> permissions, Principal who, Map<String, Object> params) {
        if (who == null || who.isRootPam() || "world".equals(permissions.get("user"))) {
            return; // unauthenticated calls reach only what the authenticator lets through
        }
        if (permissions.isEmpty()) {
            throw ApiException.forbidden("user != root@pam");
        }
        if ("all".equals(permissions.get("user"))) {
            return;
        }
        Object check = permissions.get("check");
        if (!(check instanceof List<?> tree)) {
            throw new ApiException(403, "Permission check failed\n", Map.of());
        }
        new PermissionCheck(users, who, params).run(tree, false);
    }

    /** exec_api2_perm_check: true when allowed; with {@code noerr} false instead of a 403. */
    private boolean run(List<?> check, boolean noerr) {
        String test = String.valueOf(check.get(0));
        switch (test) {
            case "and" -> {
                for (Object sub : check.subList(1, check.size())) {
                    run((List<?>) sub, false);
                }
                return true;
            }
            case "or" -> {
                for (Object sub : check.subList(1, check.size())) {
                    if (run((List<?>) sub, true)) {
                        return true;
                    }
                }
                return deny(noerr, null);
            }
            case "perm" -> {
                return perm(check, noerr);
            }
            default -> {
                return true; // userid-group, perm-modify: checked by the handler
            }
        }
    }

    private boolean perm(List<?> check, boolean noerr) {
        String template = String.valueOf(check.get(1));
        List<String> privs =
                ((List<?>) check.get(2)).stream().map(String::valueOf).toList();
        Map<String, Object> options = options(check.subList(3, check.size()));
        Object required = options.get("require_param");
        if (required != null && params.get(String.valueOf(required)) == null) {
            return deny(noerr, null);
        }
        String path = normalize(fill(template));
        boolean any = isTrue(options.get("any"));
        if (any) {
            for (String p : privs) {
                if (path != null && users.hasPrivilege(who, path, p)) {
                    return true;
                }
            }
            return deny(noerr, (path == null ? "" : path) + ", " + String.join("|", privs));
        }
        for (String p : privs) {
            if (path == null || !users.hasPrivilege(who, path, p)) {
                return deny(noerr, (path == null ? "" : path) + ", " + p);
            }
        }
        return true;
    }

    private static boolean deny(boolean noerr, String detail) {
        if (noerr) {
            return false;
        }
        throw detail == null
                ? new ApiException(403, "Permission check failed\n", Map.of())
                : ApiException.forbidden(detail);
    }

    private static Map<String, Object> options(List<?> flat) {
        Map<String, Object> out = new HashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            out.put(String.valueOf(flat.get(i)), flat.get(i + 1));
        }
        return out;
    }

    /** template_replace: each {@code {name}} becomes the parameter's value, or {@code -} when Perl-false. */
    private String fill(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object v = params.get(m.group(1));
            String s = v == null ? "" : RestCall.perlString(v);
            m.appendReplacement(out, Matcher.quoteReplacement(s.isEmpty() || s.equals("0") ? "-" : s));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** normalize_path: squeezed slashes, no trailing slash, leading slash; null when not a plain path. */
    static String normalize(String path) {
        if (path == null || path.isEmpty()) {
            return null;
        }
        String p = path.replaceAll("/+", "/");
        p = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        p = p.isEmpty() ? "/" : p;
        p = p.startsWith("/") ? p : "/" + p;
        return NORMAL_PATH.matcher(p).matches() ? p : null;
    }

    private static boolean isTrue(Object v) {
        if (v == null) {
            return false;
        }
        String s = RestCall.perlString(v);
        return !s.isEmpty() && !s.equals("0");
    }
}
