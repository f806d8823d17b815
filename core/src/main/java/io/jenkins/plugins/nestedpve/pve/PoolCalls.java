package io.jenkins.plugins.nestedpve.pve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Resource pools ({@code /pools}, pve-manager:PVE/API2/Pool.pm). Every write runs under PVE's lock of
 * {@code user.cfg} ({@code PVE::AccessControl::lock_user_config}, a {@code cfs_lock_file} on pmxcfs), so a
 * create is an atomic test-and-set across the whole PVE cluster: of two creates of one pool id exactly one
 * succeeds, the other fails with {@code create pool failed: pool '<id>' already exists}. Creating, changing
 * and deleting a pool needs {@code Pool.Allocate} on {@code /pool/<id>}; the list shows only the pools with
 * {@code Pool.Audit}.
 */
public final class PoolCalls {
    /** PVE's {@code pve-poolid}: letters, digits, {@code -}, {@code _}, {@code .} (flat pools only here). */
    private static final Pattern POOL_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** One pool of {@code GET /pools}. */
    public record Pool(String poolid, String comment) {}

    private final PveHttp http;

    PoolCalls(PveHttp http) {
        this.http = http;
    }

    /** {@code GET /pools}: the pools this token may audit, with their comments. */
    public List<Pool> list() {
        JsonNode data = http.call("GET", "/pools", Map.of()).path("data");
        return Json.elements(data).stream()
                .map(p -> new Pool(
                        Json.asString(p, "poolid"), Json.optString(p, "comment").orElse("")))
                .filter(p -> p.poolid() != null)
                .toList();
    }

    /**
     * {@code POST /pools}: creates the pool, atomically.
     *
     * @return false when the pool exists already (someone else holds it)
     */
    public boolean create(String poolid, String comment) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("poolid", id(poolid));
        p.put("comment", comment);
        try {
            http.call("POST", "/pools", p);
            return true;
        } catch (PveAmbiguousOutcomeException e) {
            // the create may have happened: ours when the pool carries our comment
            return list().stream()
                    .anyMatch(x -> x.poolid().equals(poolid) && x.comment().equals(comment));
        } catch (PveApiException e) {
            if (e.pveMessage().contains("already exists")) {
                return false;
            }
            throw e;
        }
    }

    /**
     * {@code PUT /pools/{poolid}} with a new comment. It sets the whole comment, so after an unknown outcome
     * (a 503, a dropped connection) it is sent again, at most {@value #RESENDS} times.
     */
    public void comment(String poolid, String comment) {
        for (int resend = 0; ; resend++) {
            try {
                http.call("PUT", "/pools/" + id(poolid), Map.of("comment", comment));
                return;
            } catch (PveAmbiguousOutcomeException e) {
                if (resend >= RESENDS) {
                    throw e;
                }
            }
        }
    }

    /** How often an idempotent pool write whose outcome is unknown is sent again. */
    static final int RESENDS = 2;

    /**
     * {@code DELETE /pools/{poolid}} of an empty pool.
     *
     * @return false when it did not exist (any more)
     */
    public boolean delete(String poolid) {
        try {
            http.call("DELETE", "/pools/" + id(poolid), Map.of());
            return true;
        } catch (PveAmbiguousOutcomeException e) {
            // the delete may have happened: done when the pool is gone, else once more
            return list().stream().noneMatch(x -> x.poolid().equals(poolid)) || delete(poolid);
        } catch (PveApiException e) {
            if (e.pveMessage().contains("does not exist")) {
                return false;
            }
            throw e;
        }
    }

    private static String id(String poolid) {
        if (poolid == null || !POOL_ID.matcher(poolid).matches()) {
            throw new IllegalArgumentException("'" + poolid + "' is not a flat PVE pool id");
        }
        return poolid;
    }
}
