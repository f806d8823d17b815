package io.jenkins.plugins.nestedpve.pve;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Encodings PVE is strict about (pve-facts §1.1, §3.5, traps 1 and 7). Requests with a body are sent
 * as JSON, which avoids urlencoded pitfalls (a raw {@code =} truncating a value, {@code true} failing
 * the boolean check); these helpers cover query strings, path segments and the {@code sshkeys} and
 * {@code tags} formats.
 */
public final class PveEncoding {
    private static final Pattern TAG = Pattern.compile("[a-z0-9_][a-z0-9_\\-+.]*", Pattern.CASE_INSENSITIVE);
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PveEncoding() {}

    /**
     * The {@code sshkeys} value: the keys joined by newlines, percent-encoded strictly so that only
     * {@code [-a-zA-Z0-9_.!~*'()]} and {@code %XX} remain (space is {@code %20}, never {@code +}),
     * which is what PVE's {@code urlencoded} format demands.
     */
    public static String sshKeys(List<String> publicKeys) {
        if (publicKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one SSH public key is needed");
        }
        StringJoiner lines = new StringJoiner("\n");
        for (String k : publicKeys) {
            String key = k.strip();
            if (key.isEmpty() || key.contains("\n")) {
                throw new IllegalArgumentException("an SSH public key must be one non-empty line");
            }
            lines.add(key);
        }
        return percentEncode(lines.toString(), "-_.!~*'()");
    }

    /**
     * Tags as PVE stores them: each checked against {@code [a-z0-9_][a-z0-9_\-+.]*}, joined by
     * {@code ;}.
     */
    public static String tags(Collection<String> tags) {
        StringJoiner j = new StringJoiner(";");
        for (String t : tags) {
            if (!TAG.matcher(t).matches()) {
                throw new IllegalArgumentException("'" + t + "' is not a valid PVE tag: use letters, digits and"
                        + " '_', '-', '+', '.', starting with a letter, digit or '_'");
            }
            j.add(t);
        }
        return j.toString();
    }

    /** A boolean as PVE's urlencoded parser wants it: {@code 1} or {@code 0}. */
    public static String bool(boolean b) {
        return b ? "1" : "0";
    }

    /**
     * A query string for GET/DELETE: values strictly percent-encoded (so {@code =}, {@code +} and
     * {@code &} survive), booleans as 1/0, collections as repeated keys; null values skipped.
     */
    public static String query(Map<String, ?> params) {
        StringJoiner q = new StringJoiner("&");
        params.forEach((k, v) -> {
            if (v instanceof Collection<?> c) {
                c.forEach(e -> q.add(component(k) + "=" + component(scalar(e))));
            } else if (v != null) {
                q.add(component(k) + "=" + component(scalar(v)));
            }
        });
        return q.toString();
    }

    /** One path segment, e.g. a UPID: everything but unreserved characters and {@code :@!} encoded. */
    public static String pathSegment(String segment) {
        if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
            throw new IllegalArgumentException("invalid path segment '" + segment + "'");
        }
        return percentEncode(segment, "-_.~:@!");
    }

    static String scalar(Object v) {
        return v instanceof Boolean b ? bool(b) : String.valueOf(v);
    }

    /** Percent-encodes everything except RFC 3986 unreserved characters. */
    static String component(String s) {
        return percentEncode(s, "-_.~");
    }

    private static String percentEncode(String s, String safe) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || safe.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }
}
