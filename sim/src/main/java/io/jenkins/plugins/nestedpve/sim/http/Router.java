package io.jenkins.plugins.nestedpve.sim.http;

import io.jenkins.plugins.nestedpve.schema.ApiSchema;
import io.jenkins.plugins.nestedpve.schema.Route;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Handlers by method and path template. With a schema the schema resolves the path (its template
 * names the handler); without one the registered templates are matched directly, literal segments
 * before placeholders and empty segments skipped, as pve-common:src/PVE/RESTHandler.pm {@code
 * find_handler} does.
 */
final class Router {
    static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE");

    /** A resolved call: template, path parameters, handler, whether tokens may call it, schema route. */
    record Match(
            String template, Map<String, String> pathParams, ApiHandler handler, boolean allowToken, Route route) {}

    private record Registration(String template, List<String> segments, ApiHandler handler, boolean allowToken) {}

    private final Map<String, Registration> registrations = new ConcurrentHashMap<>();

    /** Adds or replaces the handler of {@code method template}. */
    void add(String method, String template, ApiHandler handler, boolean allowToken) {
        Objects.requireNonNull(handler, "handler");
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("method must be one of " + METHODS + ", got '" + method + "'");
        }
        if (template == null || !template.startsWith("/")) {
            throw new IllegalArgumentException(
                    "template must be a path below /api2/json starting with '/', e.g. /nodes/{node}/qemu, got '"
                            + template + "'");
        }
        registrations.put(method + " " + template, new Registration(template, segments(template), handler, allowToken));
    }

    /** The match for {@code method relUri}, or empty (PVE: 501 not implemented). */
    Optional<Match> resolve(String method, String relUri, ApiSchema schema) {
        if (schema != null) {
            Optional<Route> route = schema.route(method, relUri);
            if (route.isEmpty()) {
                return Optional.empty();
            }
            Route r = route.get();
            Registration reg = registrations.get(method + " " + r.template());
            return reg == null
                    ? Optional.empty()
                    : Optional.of(new Match(
                            r.template(),
                            r.pathParams(),
                            reg.handler(),
                            r.spec().allowToken(),
                            r));
        }
        List<String> path = segments(relUri);
        Registration best = null;
        for (Map.Entry<String, Registration> e : registrations.entrySet()) {
            Registration reg = e.getValue();
            if (e.getKey().startsWith(method + " ") && matches(reg.segments(), path)) {
                best = best == null || moreSpecific(reg.segments(), best.segments()) ? reg : best;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        return Optional.of(
                new Match(best.template(), bind(best.segments(), path), best.handler(), best.allowToken(), null));
    }

    private static List<String> segments(String path) {
        return Arrays.stream(path.split("/+")).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean isPlaceholder(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    private static boolean matches(List<String> template, List<String> path) {
        if (template.size() != path.size()) {
            return false;
        }
        for (int i = 0; i < template.size(); i++) {
            if (!isPlaceholder(template.get(i)) && !template.get(i).equals(path.get(i))) {
                return false;
            }
        }
        return true;
    }

    // The first segment where they differ decides: a literal beats a placeholder.
    private static boolean moreSpecific(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            boolean pa = isPlaceholder(a.get(i));
            boolean pb = isPlaceholder(b.get(i));
            if (pa != pb) {
                return !pa;
            }
        }
        return false;
    }

    private static Map<String, String> bind(List<String> template, List<String> path) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String t = template.get(i);
            if (isPlaceholder(t)) {
                params.put(t.substring(1, t.length() - 1), path.get(i));
            }
        }
        return params;
    }

    /** Registered {@code "METHOD template"} keys, for diagnostics. */
    List<String> keys() {
        List<String> keys = new ArrayList<>(registrations.keySet());
        keys.sort(null);
        return keys;
    }
}
