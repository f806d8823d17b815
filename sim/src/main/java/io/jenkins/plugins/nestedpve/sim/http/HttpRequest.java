package io.jenkins.plugins.nestedpve.sim.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.x request as read from the wire, before any PVE semantics are applied.
 *
 * @param method the method token as sent
 * @param target the request target as sent (raw, percent-encoded, with query)
 * @param protocol {@code HTTP/1.0} or {@code HTTP/1.1}, echoed in the status line as PVE does
 * @param headers header values by lower-case name, in arrival order
 * @param body the body bytes (empty when none was sent or it was not read)
 * @param contentLength the declared {@code Content-Length}, 0 when absent
 * @param bodyTooLarge whether the declared body exceeded the limit and was not read
 * @param remote the peer's IP address as text
 */
record HttpRequest(
        String method,
        String target,
        String protocol,
        Map<String, List<String>> headers,
        byte[] body,
        long contentLength,
        boolean bodyTooLarge,
        String remote) {

    /** A header's values joined by {@code ", "} as Perl's {@code HTTP::Headers} does, or {@code null}. */
    String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : String.join(", ", values);
    }

    /** The path part of the target, still percent-encoded. */
    String rawPath() {
        int q = target.indexOf('?');
        String p = q < 0 ? target : target.substring(0, q);
        int f = p.indexOf('#');
        return f < 0 ? p : p.substring(0, f);
    }

    /** The raw query string, or {@code null}. */
    String rawQuery() {
        int q = target.indexOf('?');
        if (q < 0) {
            return null;
        }
        String query = target.substring(q + 1);
        int f = query.indexOf('#');
        return f < 0 ? query : query.substring(0, f);
    }

    boolean isHttp10() {
        return "HTTP/1.0".equals(protocol);
    }
}
