package io.jenkins.plugins.nestedpve.sim.api;

import io.jenkins.plugins.nestedpve.sim.http.ApiRequest;
import io.jenkins.plugins.nestedpve.sim.model.Perms;
import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import io.jenkins.plugins.nestedpve.sim.model.SimVm;
import io.jenkins.plugins.nestedpve.sim.model.UserDb;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Resource pools ({@code /pools}, pve-manager:PVE/API2/Pool.pm): list (only the pools with {@code Pool.Audit}),
 * create, comment, delete. Writes are atomic as PVE's are under {@code lock_user_config} (the store is
 * synchronized); the permission checks and parameters come from the schema. Members are added by a clone's
 * {@code pool} parameter, not here: {@code vms}/{@code storage} updates are refused as not simulated.
 */
final class PoolApi {
    private final PveMachine self;

    PoolApi(PveMachine self) {
        this.self = self;
    }

    void register(Registrar r) {
        r.add("GET", "/pools", this::list);
        r.add("POST", "/pools", this::create);
        r.add("GET", "/pools/{poolid}", this::read);
        r.add("PUT", "/pools/{poolid}", this::update);
        r.add("PUT", "/pools", this::update);
        r.add("DELETE", "/pools/{poolid}", this::delete);
        r.add("DELETE", "/pools", this::delete);
    }

    private UserDb users() {
        return self.pmxcfs().users();
    }

    private Object list(ApiRequest req) {
        Perms perms = new Perms(users());
        String only = req.param("poolid");
        List<Map<String, Object>> out = new ArrayList<>();
        users().poolComments().forEach((pool, comment) -> {
            if ((only != null && !only.equals(pool)) || !perms.has(req.principal(), "/pool/" + pool, "Pool.Audit")) {
                return;
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("poolid", pool);
            if (comment != null) {
                e.put("comment", comment);
            }
            out.add(e);
        });
        return out;
    }

    private Object create(ApiRequest req) {
        users().createPool(req.param("poolid"), req.param("comment"));
        return null;
    }

    private Object read(ApiRequest req) {
        String pool = req.param("poolid");
        String comment = users().poolComments().get(pool);
        if (!users().poolExists(pool)) {
            throw io.jenkins.plugins.nestedpve.sim.http.ApiException.die("pool '" + pool + "' does not exist\n");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("members", List.of());
        if (comment != null) {
            out.put("comment", comment);
        }
        return out;
    }

    private Object update(ApiRequest req) {
        if (req.param("vms") != null || req.param("storage") != null) {
            throw io.jenkins.plugins.nestedpve.sim.http.ApiException.die(
                    "update pools failed: adding or removing members through /pools is not simulated\n");
        }
        users().commentPool(req.param("poolid"), req.param("comment"));
        return null;
    }

    private Object delete(ApiRequest req) {
        Set<Integer> existing = self.pmxcfs().vms().stream().map(SimVm::vmid).collect(Collectors.toSet());
        users().deletePool(req.param("poolid"), existing);
        return null;
    }
}
