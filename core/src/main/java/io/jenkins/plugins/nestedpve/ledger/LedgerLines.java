package io.jenkins.plugins.nestedpve.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger file's two kinds of line, written by hand (no bean mapping) so that renaming a Java field never
 * changes the file:
 *
 * <pre>{@code
 * {"kind":"lease","lease":"…","cluster":"np-k3x9q2","state":"ACTIVE","created":"…","keptUntil":null,
 *  "time":"…","tags":{"build":"folder/job#12","host":"lab"}}
 * {"lease":"…","cluster":"np-k3x9q2","host":"pve1@10.0.0.2:8006","hostNode":"pve1","vmid":80000,
 *  "node":"np-k3x9q2-n1","state":"CREATED","time":"…"}
 * }</pre>
 *
 * A VM line has no {@code kind} (the format before leases were kept here); a lease line is a full snapshot, the
 * latest one of a lease wins. A line that is neither is skipped.
 */
final class LedgerLines {
    static final String LEASE_KIND = "lease";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LedgerLines() {}

    /** What one file holds: VM entries and lease snapshots, each in file order. */
    record Content(List<LedgerEntry> entries, List<Lease> leases, int skipped) {}

    static String vm(LedgerEntry e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("lease", e.lease());
        o.put("cluster", e.cluster());
        o.put("host", e.host());
        o.put("hostNode", e.hostNode());
        o.put("vmid", e.vmid());
        o.put("node", e.node());
        o.put("state", e.state().name());
        o.put("time", e.time().toString());
        return text(o);
    }

    static String lease(Lease l) {
        ObjectNode o = JSON.createObjectNode();
        o.put("kind", LEASE_KIND);
        o.put("lease", l.id());
        o.put("cluster", l.cluster());
        o.put("state", l.state().name());
        o.put("created", l.created().toString());
        o.put("keptUntil", l.keptUntil() == null ? null : l.keptUntil().toString());
        o.put("time", l.updated().toString());
        ObjectNode tags = o.putObject("tags");
        l.tags().forEach(tags::put);
        return text(o);
    }

    /** A {@link LedgerEntry}, a {@link Lease}, or null when the line is neither (torn by a crash, edited). */
    static Object parse(String line) {
        try {
            JsonNode o = JSON.readTree(line);
            if (o == null || !o.isObject()) {
                return null;
            }
            return LEASE_KIND.equals(o.path("kind").asText()) ? leaseOf(o) : vmOf(o);
        } catch (JsonProcessingException
                | DateTimeParseException
                | IllegalArgumentException
                | NullPointerException ex) {
            return null;
        }
    }

    private static LedgerEntry vmOf(JsonNode o) {
        if (!o.path("vmid").canConvertToInt()) {
            return null;
        }
        return new LedgerEntry(
                o.path("lease").asText(null),
                o.path("cluster").asText(null),
                o.path("host").asText(null),
                o.path("hostNode").asText(null),
                o.path("vmid").asInt(),
                o.path("node").asText(null),
                LedgerEntry.State.valueOf(o.path("state").asText("")),
                Instant.parse(o.path("time").asText("")));
    }

    private static Lease leaseOf(JsonNode o) {
        Map<String, String> tags = new LinkedHashMap<>();
        o.path("tags")
                .fields()
                .forEachRemaining(f -> tags.put(f.getKey(), f.getValue().asText()));
        return new Lease(
                o.path("lease").asText(null),
                o.path("cluster").asText(null),
                LeaseState.valueOf(o.path("state").asText("")),
                Instant.parse(o.path("created").asText("")),
                o.hasNonNull("keptUntil") ? Instant.parse(o.get("keptUntil").asText()) : null,
                Instant.parse(o.path("time").asText("")),
                tags,
                List.of());
    }

    private static String text(ObjectNode o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write a ledger line", ex);
        }
    }
}
