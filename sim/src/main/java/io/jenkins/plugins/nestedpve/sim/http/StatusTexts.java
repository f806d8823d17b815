package io.jenkins.plugins.nestedpve.sim.http;

import java.util.Map;

/** Standard reason phrases (Perl {@code HTTP::Status::status_message}) for the codes PVE uses. */
final class StatusTexts {
    private static final Map<Integer, String> TEXTS = Map.ofEntries(
            Map.entry(200, "OK"),
            Map.entry(400, "Bad Request"),
            Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"),
            Map.entry(408, "Request Timeout"),
            Map.entry(413, "Payload Too Large"),
            Map.entry(424, "Failed Dependency"),
            Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"),
            Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Timeout"),
            Map.entry(506, "Variant Also Negotiates"),
            Map.entry(595, "Connection Timed Out"),
            Map.entry(596, "Broken Pipe"));

    private StatusTexts() {}

    static String of(int status) {
        return TEXTS.getOrDefault(status, "Status " + status);
    }
}
