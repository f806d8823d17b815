package io.jenkins.plugins.nestedpve.sim.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Removes secrets from request parameters before they are logged, at any depth of a JSON body: any
 * key whose name contains {@code password}, {@code passwd}, {@code secret}, {@code ticket}, {@code
 * cookie}, {@code csrf}, {@code tfa}, {@code private} or {@code token} (but not {@code tokenid}, a
 * public name), and the keys named exactly {@code key} (a custom certificate's private key), {@code
 * value}, {@code otp}, {@code response} and {@code challenge} (TFA secrets), and {@code input-data}
 * (standard input of a guest agent exec, the channel meant for secrets such as {@code chpasswd}
 * lines); on a guest agent {@code file-write} also {@code content} (what it puts into a file; the
 * same name elsewhere, e.g. a storage's content types, is kept). Public keys such as {@code sshkeys}
 * are kept.
 */
final class Redaction {
    static final String REDACTED = "**redacted**";

    private static final List<String> SECRET_PARTS =
            List.of("password", "passwd", "secret", "ticket", "cookie", "csrf", "tfa", "private");
    private static final Set<String> SECRET_NAMES =
            Set.of("key", "value", "otp", "response", "challenge", "input-data");

    private Redaction() {}

    /** Whether a parameter of this name carries a secret. */
    static boolean isSecret(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if ((n.contains("token") && !n.equals("tokenid")) || SECRET_NAMES.contains(n)) {
            return true;
        }
        return SECRET_PARTS.stream().anyMatch(n::contains);
    }

    /** As {@link #params(Map)}, for a request to {@code path}: a file-write's {@code content} too. */
    static Map<String, Object> params(String path, Map<String, ?> params) {
        Map<String, Object> out = params(params);
        if (path != null && path.endsWith("/agent/file-write") && out.containsKey("content")) {
            out.put("content", REDACTED);
        }
        return out;
    }

    /** A copy of {@code params} with every secret value replaced by {@value #REDACTED}. */
    static Map<String, Object> params(Map<String, ?> params) {
        Map<String, Object> out = new LinkedHashMap<>();
        params.forEach((k, v) -> out.put(k, isSecret(k) ? REDACTED : value(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object value(Object v) {
        if (v instanceof Map<?, ?> m) {
            return params((Map<String, ?>) m);
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(e -> out.add(value(e)));
            return out;
        }
        return v;
    }
}
