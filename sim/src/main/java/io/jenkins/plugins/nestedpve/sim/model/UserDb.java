package io.jenkins.plugins.nestedpve.sim.model;

import io.jenkins.plugins.nestedpve.sim.http.ApiException;
import io.jenkins.plugins.nestedpve.sim.http.Principal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * user.cfg, token.cfg and the ACL of one {@code /etc/pve}: users, API tokens (privilege separation
 * by intersection, pve-facts §1.5) and role assignments on paths. root@pam holds every privilege;
 * a root@pam token only with {@code privsep=0}. Thread-safe.
 */
public final class UserDb {
    /** One API token. The secret is a UUID, kept only as its digest. */
    public record Token(
            String userid, String tokenid, byte[] secretDigest, boolean privsep, long expire, String comment) {
        public String fullId() {
            return userid + "!" + tokenid;
        }

        @Override
        public String toString() {
            return "Token[" + fullId() + ", privsep=" + privsep + "]";
        }
    }

    /** One ACL line: role on path for a user or token, inherited below when propagate. */
    public record AclEntry(String path, String ugid, String role, boolean propagate) {}

    private final Privileges privileges;
    private final Set<String> users = new TreeSet<>();
    private final Map<String, Token> tokens = new LinkedHashMap<>();
    private final List<AclEntry> acl = new ArrayList<>();
    /** Resource pools: pool id → member VMIDs (user.cfg {@code pool:} lines). */
    private final Map<String, Set<Integer>> pools = new TreeMap<>();
    /** Pool comments (user.cfg's second {@code pool:} field); a pool without one has no entry. */
    private final Map<String, String> poolComments = new TreeMap<>();

    public UserDb(Privileges privileges) {
        this.privileges = privileges;
        users.add("root@pam");
    }

    /** A deep copy (clones of a template share its /etc/pve content, not its object). */
    public synchronized UserDb copy() {
        UserDb c = new UserDb(privileges);
        c.users.addAll(users);
        c.tokens.putAll(tokens);
        c.acl.addAll(acl);
        pools.forEach((k, v) -> c.pools.put(k, new TreeSet<>(v)));
        c.poolComments.putAll(poolComments);
        return c;
    }

    public Privileges privileges() {
        return privileges;
    }

    public synchronized void addUser(String userid) {
        users.add(userid);
    }

    public synchronized boolean hasUser(String userid) {
        return users.contains(userid);
    }

    /** Creates a token and returns its secret (shown once). */
    public synchronized String addToken(String userid, String tokenid, boolean privsep, long expire, String comment) {
        if (!users.contains(userid)) {
            throw ApiException.die("no such user ('" + userid + "')");
        }
        if (!tokenid.matches("[A-Za-z][A-Za-z0-9.\\-_]+")) {
            throw ApiException.param("tokenid", "invalid format - value does not match the regex pattern");
        }
        String full = userid + "!" + tokenid;
        if (tokens.containsKey(full)) {
            throw ApiException.die("Token already exists.");
        }
        String secret = UUID.randomUUID().toString();
        tokens.put(full, new Token(userid, tokenid, digest(secret), privsep, expire, comment));
        return secret;
    }

    /** The token for {@code userid!tokenid} when the secret matches and it has not expired. */
    public synchronized Optional<Token> verifyToken(String userid, String tokenid, String secret, long nowEpoch) {
        Token t = tokens.get(userid + "!" + tokenid);
        if (t == null || !users.contains(userid) || secret == null) {
            return Optional.empty();
        }
        if (t.expire() != 0 && t.expire() < nowEpoch) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(t.secretDigest(), digest(secret)) ? Optional.of(t) : Optional.empty();
    }

    public synchronized Optional<Token> token(String userid, String tokenid) {
        return Optional.ofNullable(tokens.get(userid + "!" + tokenid));
    }

    /** Grants {@code role} on {@code path} to a user ({@code user@realm}) or token ({@code user@realm!id}). */
    public synchronized void grant(String path, String ugid, String role, boolean propagate) {
        if (!privileges.builtinRoles().containsKey(role)) {
            throw ApiException.param("roles", "role '" + role + "' does not exist");
        }
        acl.add(new AclEntry(path, ugid, role, propagate));
    }

    /** Creates an empty resource pool ({@code pveum pool add}). */
    public synchronized void addPool(String pool) {
        pools.putIfAbsent(pool, new TreeSet<>());
    }

    /**
     * {@code POST /pools} under the lock of user.cfg: atomic, so of two creates of one id exactly one succeeds
     * (pve-manager:PVE/API2/Pool.pm {@code create_pool}, {@code lock_user_config}); an empty comment is not
     * stored.
     */
    public synchronized void createPool(String pool, String comment) {
        if (!pool.isEmpty() && !Character.isLetter(pool.charAt(pool.lastIndexOf('/') + 1))) {
            throw ApiException.die("create pool failed: pool name must start with a letter\n");
        }
        if (pools.containsKey(pool)) {
            throw ApiException.die("create pool failed: pool '" + pool + "' already exists\n");
        }
        pools.put(pool, new TreeSet<>());
        if (comment != null && !comment.isEmpty()) {
            poolComments.put(pool, comment);
        }
    }

    /** {@code PUT /pools/{poolid}} with a comment: replaces it when given ({@code update_pool}). */
    public synchronized void commentPool(String pool, String comment) {
        if (!pools.containsKey(pool)) {
            throw ApiException.die("update pools failed: pool '" + pool + "' does not exist\n");
        }
        if (comment != null) {
            poolComments.put(pool, comment);
        }
    }

    /** {@code DELETE /pools/{poolid}} of a pool without existing members ({@code delete_pool}). */
    public synchronized void deletePool(String pool, Set<Integer> existingVmids) {
        if (!pools.containsKey(pool)) {
            throw ApiException.die("delete pool failed: pool '" + pool + "' does not exist\n");
        }
        for (int vmid : pools.get(pool)) {
            if (existingVmids.contains(vmid)) {
                throw ApiException.die(
                        "delete pool failed: pool '" + pool + "' is not empty (contains VM " + vmid + ")\n");
            }
        }
        pools.remove(pool);
        poolComments.remove(pool);
        acl.removeIf(e -> e.path().equals("/pool/" + pool));
    }

    /** Every pool id with its comment (null when none), sorted by id. */
    public synchronized Map<String, String> poolComments() {
        Map<String, String> out = new TreeMap<>();
        pools.keySet().forEach(p -> out.put(p, poolComments.get(p)));
        return java.util.Collections.unmodifiableMap(out);
    }

    public synchronized boolean poolExists(String pool) {
        return pools.containsKey(pool);
    }

    /**
     * Makes {@code vmid} a member of {@code pool}, leaving any other pool (a VM belongs to at most one:
     * pve-access-control:src/PVE/AccessControl.pm {@code add_vm_to_pool}, user.cfg's {@code vms} map).
     */
    public synchronized void addVmToPool(int vmid, String pool) {
        if (!pools.containsKey(pool)) {
            throw new IllegalArgumentException("pool '" + pool + "' does not exist");
        }
        pools.values().forEach(m -> m.remove(vmid));
        pools.get(pool).add(vmid);
    }

    /** Drops {@code vmid} from its pool, as destroying a VM does ({@code remove_vm_access}). */
    public synchronized void removeVmFromPools(int vmid) {
        pools.values().forEach(m -> m.remove(vmid));
    }

    /** The pool {@code vmid} belongs to. */
    public synchronized Optional<String> poolOf(int vmid) {
        return pools.entrySet().stream()
                .filter(e -> e.getValue().contains(vmid))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /**
     * {@code /vms/<id>} of every pool member: {@code GET /access/permissions} lists them beside the ACL paths
     * (pve-access-control:src/PVE/RPCEnvironment.pm {@code get_effective_permissions}).
     */
    public synchronized Set<String> poolMemberPaths() {
        Set<String> paths = new TreeSet<>();
        pools.values().forEach(m -> m.forEach(id -> paths.add("/vms/" + id)));
        return paths;
    }

    /** The privileges {@code who} holds on {@code path}. */
    public synchronized Set<String> privilegesOn(Principal who, String path) {
        if (who == null) {
            return Set.of();
        }
        if ("root@pam".equals(who.userid()) && !who.isToken()) {
            return privileges.all();
        }
        Set<String> user = "root@pam".equals(who.userid()) ? privileges.all() : withPool(who.userid(), path);
        if (!who.isToken()) {
            return user;
        }
        Token t = tokens.get(who.fullId());
        if (t == null) {
            return Set.of();
        }
        if (!t.privsep()) {
            return user;
        }
        Set<String> both = new HashSet<>(user);
        both.retainAll(withPool(who.fullId(), path));
        return both;
    }

    /** Paths that carry an ACL, plus "/", for {@code GET /access/permissions}. */
    public synchronized Set<String> aclPaths() {
        Set<String> paths = new TreeSet<>();
        paths.add("/");
        for (AclEntry e : acl) {
            paths.add(e.path());
        }
        return paths;
    }

    /**
     * The ACL privileges on {@code path}, plus, for a VM that is a pool member, those of the roles granted on
     * {@code /pool/<pool>} (pve-access-control:src/PVE/RPCEnvironment.pm {@code compile_acl_path}: the pool's
     * roles apply to each member's {@code /vms/<id>} whatever their propagate flag). {@code NoAccess} takes no
     * part here: the simulator grants no privilege through it anyway.
     */
    private Set<String> withPool(String ugid, String path) {
        Set<String> own = aclPrivileges(ugid, path);
        if (!path.matches("/vms/[0-9]+")) {
            return own;
        }
        int vmid = Integer.parseInt(path.substring("/vms/".length()));
        Optional<String> pool = poolOf(vmid);
        if (pool.isEmpty()) {
            return own;
        }
        Set<String> all = new TreeSet<>(own);
        all.addAll(aclPrivileges(ugid, "/pool/" + pool.get()));
        return all;
    }

    /** The most specific ACL level along the path wins; inheritance needs propagate. */
    private Set<String> aclPrivileges(String ugid, String path) {
        Map<String, Set<String>> roles = privileges.builtinRoles();
        Set<String> current = Set.of();
        for (String level : levels(path)) {
            Set<String> here = new TreeSet<>();
            boolean found = false;
            for (AclEntry e : acl) {
                if (e.ugid().equals(ugid) && e.path().equals(level) && (e.propagate() || level.equals(path))) {
                    here.addAll(roles.getOrDefault(e.role(), Set.of()));
                    found = true;
                }
            }
            if (found) {
                current = here;
            }
        }
        return current;
    }

    /** "/", "/vms", "/vms/100" for "/vms/100". */
    static List<String> levels(String path) {
        List<String> out = new ArrayList<>();
        out.add("/");
        StringBuilder sb = new StringBuilder();
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            sb.append('/').append(part);
            out.add(sb.toString());
        }
        return out;
    }

    /** Token ids of this database (for inspection). */
    public synchronized Set<String> tokenIds() {
        return new TreeSet<>(tokens.keySet());
    }

    /** user.cfg-like listing (no secrets), for {@code cat /etc/pve/user.cfg}. */
    public synchronized String userCfg() {
        StringBuilder sb = new StringBuilder();
        for (String u : users) {
            sb.append("user:").append(u).append(":1:0:::::\n");
        }
        for (Token t : tokens.values()) {
            sb.append("token:")
                    .append(t.fullId())
                    .append(":")
                    .append(t.expire())
                    .append(":")
                    .append(t.privsep() ? 1 : 0)
                    .append(":")
                    .append(t.comment() == null ? "" : t.comment())
                    .append(":\n");
        }
        Map<String, List<String>> byAcl = new TreeMap<>();
        for (AclEntry e : acl) {
            byAcl.computeIfAbsent((e.propagate() ? 1 : 0) + ":" + e.path() + ":" + e.ugid(), k -> new ArrayList<>())
                    .add(e.role());
        }
        pools.forEach((pool, members) -> sb.append("pool:")
                .append(pool)
                .append(":")
                .append(poolComments.getOrDefault(pool, ""))
                .append(":")
                .append(members.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")))
                .append("::\n"));
        byAcl.forEach((k, v) -> sb.append("acl:")
                .append(k)
                .append(":")
                .append(String.join(",", v))
                .append(":\n"));
        return sb.toString();
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
