package io.jenkins.plugins.nestedpve.schema;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Path resolution as pve-common:src/PVE/RESTHandler.pm map_path_to_methods does it: the path is
 * split on runs of '/', empty fragments are skipped, and each level is either a set of fixed
 * names or one placeholder matching {@code \S+} (the default regex of {@code {name}}).
 */
final class Router {
    private static final Pattern SPLIT = Pattern.compile("/+");
    private static final Pattern NON_SPACE = Pattern.compile("[^ \\t\\n\\x0B\\f\\r]+");

    private static final class Node {
        final Map<String, Node> fixed = new HashMap<>();
        String placeholder;
        Node placeholderChild;
        final Map<String, MethodSpec> methods = new HashMap<>();
    }

    private final Node root = new Node();

    Router(List<MethodSpec> methods) {
        methods.forEach(this::add);
    }

    private void add(MethodSpec spec) {
        Node n = root;
        for (String seg : segments(spec.template())) {
            if (seg.startsWith("{") && seg.endsWith("}")) {
                if (n.placeholderChild == null) {
                    n.placeholder = seg.substring(1, seg.length() - 1);
                    n.placeholderChild = new Node();
                }
                n = n.placeholderChild;
            } else {
                n = n.fixed.computeIfAbsent(seg, k -> new Node());
            }
        }
        n.methods.put(spec.method(), spec);
    }

    Optional<Route> route(String method, String path) {
        Node n = root;
        Map<String, String> params = new LinkedHashMap<>();
        for (String seg : segments(path)) {
            if (n.placeholderChild != null) {
                if (!NON_SPACE.matcher(seg).matches()) {
                    return Optional.empty();
                }
                params.put(n.placeholder, seg);
                n = n.placeholderChild;
            } else {
                n = n.fixed.get(seg);
                if (n == null) {
                    return Optional.empty();
                }
            }
        }
        MethodSpec spec = n.methods.get(method);
        return spec == null ? Optional.empty() : Optional.of(new Route(method, spec.template(), params, spec));
    }

    private static List<String> segments(String path) {
        return SPLIT.splitAsStream(path == null ? "" : path)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
