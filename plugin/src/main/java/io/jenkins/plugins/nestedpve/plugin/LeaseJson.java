package io.jenkins.plugins.nestedpve.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The lease file's format: {@code {"format":1,"owner":"<installation id>","leases":[{...}]}}, times as ISO-8601
 * instants. Written by hand (no bean mapping) so that renaming a Java field never changes the file.
 */
final class LeaseJson {
    static final int FORMAT = 1;

    /** The file's content: this installation's owner id and its leases. */
    record Content(String owner, List<Lease> leases) {}

    private final ObjectMapper mapper = new ObjectMapper();

    Content read(InputStream in) throws IOException {
        JsonNode root = mapper.readTree(in);
        if (root == null || !root.isObject() || root.path("format").asInt() != FORMAT) {
            throw new IOException("not a lease file of format " + FORMAT);
        }
        List<Lease> leases = new ArrayList<>();
        for (JsonNode n : root.path("leases")) {
            leases.add(lease(n));
        }
        return new Content(text(root, "owner"), leases);
    }

    void write(Content content, OutputStream out) throws IOException {
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT);
        root.put("owner", content.owner());
        ArrayNode array = root.putArray("leases");
        for (Lease l : content.leases()) {
            ObjectNode n = array.addObject();
            n.put("id", l.id());
            n.put("build", l.buildId());
            n.put("host", l.hostId());
            n.put("cluster", l.clusterName());
            ArrayNode vmids = n.putArray("vmids");
            l.vmids().forEach(vmids::add);
            n.put("created", l.created().toString());
            n.put("state", l.state().name());
            n.put("expires", l.expiresAt() == null ? null : l.expiresAt().toString());
            n.put("updated", l.updated().toString());
        }
        // to bytes first: Jackson would close the stream, which must stay open until it is forced to disk
        out.write(mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }

    private static Lease lease(JsonNode n) throws IOException {
        List<Integer> vmids = new ArrayList<>();
        for (JsonNode v : n.path("vmids")) {
            vmids.add(v.asInt());
        }
        try {
            return new Lease(
                    text(n, "id"),
                    text(n, "build"),
                    text(n, "host"),
                    text(n, "cluster"),
                    vmids,
                    Instant.parse(text(n, "created")),
                    LeaseState.valueOf(text(n, "state")),
                    n.hasNonNull("expires") ? Instant.parse(n.get("expires").asText()) : null,
                    Instant.parse(text(n, "updated")));
        } catch (RuntimeException e) {
            throw new IOException("unreadable lease " + n + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode n, String field) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IOException("missing text field '" + field + "'");
        }
        return v.asText();
    }
}
