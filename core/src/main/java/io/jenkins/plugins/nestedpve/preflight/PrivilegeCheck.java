package io.jenkins.plugins.nestedpve.preflight;

import io.jenkins.plugins.nestedpve.pve.PveRoles;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.spec.SpecProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Pure privilege decision for Phase 0: which privileges does provisioning need on which ACL path
 * (pve-facts §3.5, §8), and which of them does the token lack according to {@code GET
 * /access/permissions}? Answers say which built-in role to grant where.
 *
 * <p>The permissions map is what {@code GET /access/permissions} returns: {@code path →
 * (privilege → propagate)}. It lists every path with an ACL plus PVE's top-level paths, each with
 * the effective privileges there (pve-access-control:src/PVE/RPCEnvironment.pm {@code
 * get_effective_permissions}). A path that is not listed inherits from its nearest listed
 * ancestor the privileges whose propagate flag is set.
 */
public final class PrivilegeCheck {
    /**
     * What the check needs to know beyond the spec.
     *
     * @param templateVmid the resolved template
     * @param templateStorages the storages of the template's disks (linked clones allocate there)
     * @param vmids the VMIDs the guests will get
     * @param pveMajorVersion 8 or 9: the guest agent needs {@code VM.Monitor} on PVE 8 and {@code
     *     VM.GuestAgent.Unrestricted} (exec) from PVE 9 on
     */
    public record Context(int templateVmid, Set<String> templateStorages, List<Integer> vmids, int pveMajorVersion) {
        public Context {
            templateStorages = Set.copyOf(templateStorages);
            vmids = List.copyOf(vmids);
        }
    }

    /**
     * One privilege needed on one path, or on {@code poolPath} instead: a guest cloned into a pool gets the
     * privileges granted on {@code /pool/<pool>} (the clone's {@code VM.Allocate} check accepts the pool,
     * pve-apidata {@code POST /nodes/{node}/qemu/{vmid}/clone}; later checks on the member's {@code /vms/<id>}
     * include the pool's roles, pve-access-control:src/PVE/RPCEnvironment.pm {@code compile_acl_path}).
     *
     * @param poolPath {@code /pool/<pool>} when the spec names a pool, else null
     */
    public record Need(String privilege, String path, String purpose, String poolPath) {
        public Need(String privilege, String path, String purpose) {
            this(privilege, path, purpose, null);
        }
    }

    private PrivilegeCheck() {}

    /** Every privilege provisioning and teardown need for {@code spec}, in a stable order. */
    public static List<Need> needs(ClusterSpec spec, Context ctx) {
        List<Need> needs = new ArrayList<>();
        needs.add(new Need("Sys.Audit", "/nodes/" + spec.host().node(), "read the host's status and its tasks"));
        String template = "/vms/" + ctx.templateVmid();
        needs.add(new Need("VM.Clone", template, "clone the template"));
        needs.add(new Need("VM.Audit", template, "read the template's configuration"));
        for (int vmid : ctx.vmids()) {
            guestNeeds(needs, spec, ctx, "/vms/" + vmid);
        }
        Set<String> storages = spec.fullClone() && spec.storage().isPresent()
                ? Set.of(spec.storage().get())
                : ctx.templateStorages();
        storages.stream()
                .sorted()
                .forEach(sid -> needs.add(
                        new Need("Datastore.AllocateSpace", "/storage/" + sid, "allocate the guests' disks")));
        String zone = "/sdn/zones/localnetwork/" + spec.bridge();
        String bridgePath =
                spec.vlanTag().isPresent() ? zone + "/" + spec.vlanTag().getAsInt() : zone;
        needs.add(new Need("SDN.Use", bridgePath, "attach the guests to bridge " + spec.bridge()));
        return List.copyOf(needs);
    }

    private static void guestNeeds(List<Need> needs, ClusterSpec spec, Context ctx, String vm) {
        String pool = spec.pool().map(p -> "/pool/" + p).orElse(null);
        needs.add(need(pool, "VM.Allocate", vm, "create and destroy the guest"));
        needs.add(need(pool, "VM.Audit", vm, "read the guest's status"));
        needs.add(need(pool, "VM.Config.CPU", vm, "set cpu: host and cores"));
        needs.add(need(pool, "VM.Config.Memory", vm, "set memory"));
        // ipconfig0/nameserver accept VM.Config.Cloudinit or VM.Config.Network; Network is needed anyway.
        needs.add(need(pool, "VM.Config.Network", vm, "set net0 and cloud-init addressing"));
        needs.add(need(pool, "VM.Config.Options", vm, "set agent, name, description and tags (ownership marker)"));
        needs.add(need(pool, "VM.PowerMgmt", vm, "start and stop the guest"));
        // every guest is first reached through its agent: exec (new host keys, the cluster's key),
        // file-read (the new public host keys) and, for DHCP, its address. On 9.x Unrestricted covers
        // all of them (qemu-server:src/PVE/API2/Qemu/Agent.pm accepts it beside Audit and FileRead).
        String agent = ctx.pveMajorVersion() >= 9 ? "VM.GuestAgent.Unrestricted" : "VM.Monitor";
        needs.add(need(
                pool,
                agent,
                vm,
                "verify the guest's SSH host keys and place the cluster's key through the guest agent (PVE "
                        + (ctx.pveMajorVersion() >= 9 ? "9" : "8") + ")"));
    }

    private static Need need(String pool, String privilege, String vm, String purpose) {
        return new Need(privilege, vm, purpose, pool);
    }

    /**
     * The needed privileges the permissions do not grant.
     *
     * @param permissions {@code path → (privilege → propagate)} from {@code GET /access/permissions}
     */
    public static List<MissingPrivilege> missing(
            Map<String, Map<String, Boolean>> permissions, ClusterSpec spec, Context ctx) {
        List<MissingPrivilege> missing = new ArrayList<>();
        List<Need> needs = needs(spec, ctx);
        for (Need n : needs) {
            boolean viaPool = n.poolPath() != null && granted(permissions, n.poolPath(), n.privilege());
            if (!viaPool && !granted(permissions, n.path(), n.privilege())) {
                List<String> alongside = needs.stream()
                        .filter(o -> o.path().equals(n.path()))
                        .map(Need::privilege)
                        .toList();
                missing.add(withRole(n, PveRoles.role(n.privilege(), alongside), ctx));
            }
        }
        return List.copyOf(missing);
    }

    /** Whether {@code privilege} holds on {@code path}, inheriting from the nearest listed ancestor. */
    static boolean granted(Map<String, Map<String, Boolean>> permissions, String path, String privilege) {
        for (String p = path; p != null; p = parent(p)) {
            Map<String, Boolean> here = permissions.get(p);
            if (here != null) {
                return p.equals(path) ? here.containsKey(privilege) : Boolean.TRUE.equals(here.get(privilege));
            }
        }
        return false;
    }

    private static String parent(String path) {
        if (path.equals("/")) {
            return null;
        }
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    /** {@code role} (the one advice of {@link PveRoles}) granted where it covers the need's whole subtree. */
    private static MissingPrivilege withRole(Need n, String role, Context ctx) {
        String p = n.path();
        String scope = p;
        if (p.startsWith("/vms/") && !p.equals("/vms/" + ctx.templateVmid())) {
            scope = n.poolPath() != null ? n.poolPath() : "/vms";
        } else if (p.startsWith("/sdn/")) {
            // granted on the bridge, it propagates to its VLAN tags
            String[] parts = p.split("/");
            scope = String.join("/", List.of(parts).subList(0, Math.min(parts.length, 5)));
        }
        return new MissingPrivilege(n.privilege(), p, n.purpose(), role, scope);
    }

    /**
     * One problem per role to grant, e.g. {@code grant PVEVMAdmin on /vms — missing VM.Allocate,
     * VM.PowerMgmt on /vms/80000, /vms/80001 (create and destroy the guest; start and stop the guest)}.
     */
    public static List<SpecProblem> toProblems(List<MissingPrivilege> missing) {
        Map<String, List<MissingPrivilege>> byGrant = new LinkedHashMap<>();
        missing.forEach(
                m -> byGrant.computeIfAbsent(m.grant(), k -> new ArrayList<>()).add(m));
        List<SpecProblem> problems = new ArrayList<>();
        byGrant.forEach((grant, list) -> problems.add(new SpecProblem(
                "host.apiToken",
                "missing "
                        + String.join(", ", distinct(list, MissingPrivilege::privilege)) + " on " + paths(list) + " ("
                        + String.join("; ", distinct(list, MissingPrivilege::purpose)) + ") — " + grant
                        + " to the token (and to its user, when the token has privilege separation)")));
        return List.copyOf(problems);
    }

    private static Set<String> distinct(List<MissingPrivilege> list, Function<MissingPrivilege, String> f) {
        Set<String> values = new LinkedHashSet<>();
        list.forEach(m -> values.add(Objects.requireNonNull(f.apply(m))));
        return values;
    }

    private static String paths(List<MissingPrivilege> list) {
        List<String> paths =
                list.stream().map(MissingPrivilege::path).distinct().toList();
        if (paths.size() <= 3) {
            return String.join(", ", paths);
        }
        return String.join(", ", paths.subList(0, 3)) + " and " + (paths.size() - 3) + " more";
    }

    /** {@link #toProblems} as one text, for logs and exception messages. */
    public static String describe(List<MissingPrivilege> missing) {
        return toProblems(missing).stream().map(SpecProblem::toString).collect(Collectors.joining("\n"));
    }
}
