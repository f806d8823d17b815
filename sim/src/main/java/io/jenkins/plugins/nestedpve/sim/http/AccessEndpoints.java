package io.jenkins.plugins.nestedpve.sim.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The calls the server answers itself: {@code POST|GET /access/ticket} and {@code GET
 * /access/domains} (pve-access-control:src/PVE/API2/AccessControl.pm, API2/Domains.pm).
 */
final class AccessEndpoints {
    private static final String AUTH_FAILURE = "authentication failure\n";

    // RPCEnvironment.pm compute_api_permission: which privileges each cap section lists.
    private static final Map<String, Pattern> CAP_SECTIONS = Map.of(
            "vms", Pattern.compile("^(VM\\.|Permissions\\.Modify)"),
            "access", Pattern.compile("^((User|Group)\\.|Permissions\\.Modify)"),
            "storage", Pattern.compile("^(Datastore\\.|Permissions\\.Modify)"),
            "nodes", Pattern.compile("^(Sys\\.|Permissions\\.Modify)"),
            "sdn", Pattern.compile("^(SDN\\.|Permissions\\.Modify)"),
            "dc", Pattern.compile("^(Sys\\.Audit|Sys\\.Modify|SDN\\.)"),
            "mapping", Pattern.compile("^(Mapping\\.|Permissions.Modify)"));

    private final TicketCodec codec;
    private final Supplier<AuthBackend> backend;

    AccessEndpoints(TicketCodec codec, Supplier<AuthBackend> backend) {
        this.codec = codec;
        this.backend = backend;
    }

    /** Registers the three calls; {@code POST /access/ticket} refuses API tokens ({@code allowtoken: 0}). */
    void register(Router router) {
        router.add("POST", "/access/ticket", this::createTicket, false);
        router.add("GET", "/access/ticket", request -> null, true);
        router.add("GET", "/access/domains", request -> domains(), true);
    }

    /**
     * {@code POST /access/ticket}: password or a still-valid ticket of the same user (or of
     * root@pam) as password; 401 {@code authentication failure} otherwise. Verify mode ({@code
     * path}+{@code privs}) authenticates the same way but cannot check the privileges.
     */
    Object createTicket(ApiRequest request) {
        String username = request.param("username");
        String realm = request.param("realm");
        String password = request.param("password");
        if (username == null || password == null) {
            throw ApiException.param(
                    username == null ? "username" : "password", "property is missing and it is not optional");
        }
        if (realm != null && !realm.isEmpty() && !realm.equals("0")) {
            username = username + "@" + realm;
        }
        AuthBackend auth = backend.get();
        if (!TicketCodec.USERID.matcher(username).matches() || !authenticated(auth, username, password)) {
            throw new ApiException(401, AUTH_FAILURE, Map.of());
        }
        Map<String, Object> res = new LinkedHashMap<>();
        res.put("username", username);
        if (request.param("path") == null || request.param("privs") == null) {
            res.put("ticket", codec.issueTicket(username, auth.authKey()));
            res.put("CSRFPreventionToken", codec.issueCsrf(username, auth.authKey()));
        }
        res.put("cap", capabilities(username, auth.privilegeNames()));
        if (auth.clusterName() != null) {
            res.put("clustername", auth.clusterName());
        }
        return res;
    }

    private boolean authenticated(AuthBackend auth, String username, String password) {
        Optional<String> ticketUser = codec.verifyTicket(password, auth.authKey());
        if (ticketUser.isPresent()
                && (ticketUser.get().equals("root@pam") || ticketUser.get().equals(username))) {
            return true; // renewal; root@pam may create tickets for other users
        }
        return auth.verifyPassword(username, password);
    }

    /** Root gets every privilege of the release; other users an empty cap (the server knows no ACLs). */
    static Map<String, Object> capabilities(String userid, Set<String> privileges) {
        Map<String, Object> cap = new TreeMap<>();
        for (Map.Entry<String, Pattern> section : CAP_SECTIONS.entrySet()) {
            Map<String, Integer> privs = new TreeMap<>();
            if (userid.equals("root@pam")) {
                privileges.stream()
                        .filter(p -> section.getValue().matcher(p).find())
                        .forEach(p -> privs.put(p, 1));
            }
            cap.put(section.getKey(), privs);
        }
        return cap;
    }

    /** The default realms of a fresh install (pve-access-control:src/PVE/Auth/Plugin.pm). */
    static List<Map<String, Object>> domains() {
        return List.of(
                Map.of("realm", "pam", "type", "pam", "comment", "Linux PAM standard authentication"),
                Map.of("realm", "pve", "type", "pve", "comment", "Proxmox VE authentication server"));
    }
}
