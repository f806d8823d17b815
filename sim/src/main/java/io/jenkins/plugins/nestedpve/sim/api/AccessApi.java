package io.jenkins.plugins.nestedpve.sim.api;

import io.jenkins.plugins.nestedpve.sim.http.ApiException;
import io.jenkins.plugins.nestedpve.sim.http.ApiRequest;
import io.jenkins.plugins.nestedpve.sim.http.Principal;
import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import io.jenkins.plugins.nestedpve.sim.model.UserDb;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Permissions, token creation and {@code /cluster/nextid} (pve-facts §1.5, §3.2, §8). */
final class AccessApi {
    private static final int NEXTID_LOWER = 100;
    private static final int NEXTID_UPPER = 1_000_000;

    private final PveMachine self;

    AccessApi(PveMachine self) {
        this.self = self;
    }

    void register(Registrar r) {
        r.add("GET", "/access/permissions", this::permissions);
        r.add("POST", "/access/users/{userid}/token/{tokenid}", this::createToken);
        r.add("GET", "/cluster/nextid", this::nextid);
        r.add("GET", "/cluster/resources", new ResourcesApi(self)::resources);
    }

    private Object permissions(ApiRequest req) {
        UserDb users = self.pmxcfs().users();
        Principal who = req.principal();
        String userid = req.param("userid");
        if (userid != null && !userid.equals(who.fullId())) {
            new io.jenkins.plugins.nestedpve.sim.model.Perms(users).require(who, "/access", "Sys.Audit");
            who = userid.contains("!")
                    ? new Principal(userid.substring(0, userid.indexOf('!')), userid.substring(userid.indexOf('!') + 1))
                    : new Principal(userid, null);
        }
        Set<String> paths = new TreeSet<>();
        String path = req.param("path");
        if (path != null) {
            paths.add(path);
        } else {
            paths.addAll(users.aclPaths());
            paths.addAll(users.poolMemberPaths());
            paths.addAll(Set.of("/", "/vms", "/storage", "/nodes", "/access", "/sdn", "/pool", "/mapping"));
        }
        Map<String, Object> out = new TreeMap<>();
        for (String p : paths) {
            Map<String, Object> privs = new TreeMap<>();
            users.privilegesOn(who, p).forEach(x -> privs.put(x, 1));
            if (!privs.isEmpty() || path != null) {
                out.put(p, privs);
            }
        }
        return out;
    }

    private Object createToken(ApiRequest req) {
        Principal who = req.principal();
        String userid = req.param("userid");
        if (who.isToken() || (!who.userid().equals(userid) && !who.isRootPam())) {
            throw ApiException.forbidden("/access/users/" + userid + ", User.Modify");
        }
        String tokenid = req.param("tokenid");
        boolean privsep = req.flag("privsep", true);
        long expire = req.param("expire") == null ? 0 : Long.parseLong(req.param("expire"));
        String comment = req.param("comment");
        String secret = self.pmxcfs().users().addToken(userid, tokenid, privsep, expire, comment);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("privsep", privsep ? 1 : 0);
        info.put("expire", expire);
        if (comment != null) {
            info.put("comment", comment);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("full-tokenid", userid + "!" + tokenid);
        out.put("info", info);
        out.put("value", secret);
        return out;
    }

    /** Reads the cluster-wide VM list and reserves nothing; a given vmid is echoed as a string. */
    private Object nextid(ApiRequest req) {
        String vmid = req.param("vmid");
        if (vmid != null) {
            int id = Args.integer(req, "vmid");
            if (self.pmxcfs().vm(id).isPresent()) {
                throw ApiException.param("vmid", "VM " + id + " already exists");
            }
            return vmid;
        }
        for (int id = NEXTID_LOWER; id < NEXTID_UPPER; id++) {
            if (self.pmxcfs().vm(id).isEmpty()) {
                return id;
            }
        }
        throw ApiException.die("unable to get any free VMID in range [" + NEXTID_LOWER + ", " + NEXTID_UPPER + "]");
    }
}
