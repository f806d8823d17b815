package io.jenkins.plugins.nestedpve.sim.api;

import io.jenkins.plugins.nestedpve.sim.http.ApiException;
import io.jenkins.plugins.nestedpve.sim.http.ApiRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request parameters as the handlers need them. */
final class Args {
    private Args() {}

    /**
     * All parameters (path parameters included) as strings: booleans as {@code 1}/{@code 0}, arrays
     * joined with {@code ,} as PVE joins {@code -list} formats (pve-common RESTHandler.pm).
     */
    static Map<String, String> flat(ApiRequest r) {
        Map<String, String> out = new LinkedHashMap<>();
        r.params().forEach((k, v) -> out.put(k, string(v)));
        out.putAll(r.pathParams());
        return out;
    }

    static String string(Object v) {
        if (v instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (v instanceof List<?> l) {
            return String.join(",", l.stream().map(Args::string).toList());
        }
        return v == null ? null : v.toString();
    }

    static int vmid(ApiRequest r) {
        return integer(r, "vmid");
    }

    static int integer(ApiRequest r, String name) {
        String v = r.param(name);
        try {
            return Integer.parseInt(v.trim());
        } catch (RuntimeException e) {
            throw ApiException.param(name, "type check ('integer') failed - got '" + v + "'");
        }
    }

    static Integer optInt(ApiRequest r, String name) {
        return r.param(name) == null ? null : integer(r, name);
    }

    static Boolean optFlag(ApiRequest r, String name) {
        return r.param(name) == null ? null : r.flag(name, false);
    }
}
