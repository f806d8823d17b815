package io.jenkins.plugins.nestedpve.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.events.PhaseTimings;
import io.jenkins.plugins.nestedpve.host.NestingMode;
import io.jenkins.plugins.nestedpve.spec.HostRef;
import io.jenkins.plugins.nestedpve.spec.HostSshTarget;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster descriptor, a stable JSON document (pretty-printed, fields always in this order; new
 * fields may be added, existing ones keep their meaning while {@code version} is 1):
 *
 * <pre>{@code
 * {
 *   "format" : "nested-pve-cluster",
 *   "version" : 1,
 *   "cluster" : "np-k3x9q2",             // cluster name
 *   "clustered" : true,                  // false: one standalone node
 *   "lease" : "…",                       // lease id of the provisioning
 *   "pveVersion" : "8.4.1",
 *   "nesting" : "hardware",              // hardware | emulated | unknown
 *   "created" : "2025-01-01T10:00:00Z",  // ISO-8601
 *   "expires" : null,                    // ISO-8601 when kept for debugging
 *   "host" : { "apiUrl" : "https://…:8006", "node" : "pve1", "apiFingerprint" : "AA:…",
 *              "ssh" : { "host" : "…", "port" : 22, "user" : "root", "hostKeyFingerprint" : "SHA256:…" } | null },
 *   "nodes" : [ { "name" : "np-k3x9q2-n1", "vmid" : 80000, "address" : "10.0.0.5",
 *                 "apiUrl" : "https://10.0.0.5:8006", "apiPort" : 8006, "sshPort" : 22,
 *                 "apiFingerprint" : "AA:…", "sshHostKeyFingerprint" : "SHA256:…" } ],
 *   "timingsMillis" : { "clone" : { "np-k3x9q2-n1" : 4200 }, "quorum" : { "cluster" : 1500 } }
 * }
 * }</pre>
 *
 * Phase keys are {@link Phase#label()}s; durations are whole milliseconds. No secrets.
 */
final class ClusterDescriptor {
    static final String FORMAT = "nested-pve-cluster";
    static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ClusterDescriptor() {}

    static String write(NestedCluster c) {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", FORMAT);
        o.put("version", VERSION);
        o.put("cluster", c.name());
        o.put("clustered", c.clustered());
        o.put("lease", c.lease());
        o.put("pveVersion", c.pveVersion());
        o.put("nesting", c.nesting().label());
        o.put("created", c.created().toString());
        o.put("expires", c.expires() == null ? null : c.expires().toString());
        o.set("host", host(c.host()));
        c.nodes().forEach(n -> o.withArray("nodes").add(node(n)));
        ObjectNode timings = o.putObject("timingsMillis");
        c.timings().byPhase().forEach((phase, byNode) -> {
            ObjectNode p = timings.putObject(phase.label());
            byNode.forEach((node, d) -> p.put(node, d.toMillis()));
        });
        try {
            return JSON.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the cluster descriptor", e);
        }
    }

    private static ObjectNode host(HostRef h) {
        ObjectNode o = JSON.createObjectNode();
        o.put("apiUrl", h.apiUrl());
        o.put("node", h.node());
        o.put("apiFingerprint", h.apiFingerprint());
        if (h.ssh() == null) {
            o.putNull("ssh");
        } else {
            ObjectNode s = o.putObject("ssh");
            s.put("host", h.ssh().host());
            s.put("port", h.ssh().port());
            s.put("user", h.ssh().user());
            s.put("hostKeyFingerprint", h.ssh().hostKeyFingerprint());
        }
        return o;
    }

    private static ObjectNode node(NestedNode n) {
        ObjectNode o = JSON.createObjectNode();
        o.put("name", n.name());
        o.put("vmid", n.vmid());
        o.put("address", n.address());
        o.put("apiUrl", n.apiUrl());
        o.put("apiPort", n.apiPort());
        o.put("sshPort", n.sshPort());
        o.put("apiFingerprint", n.apiFingerprint());
        o.put("sshHostKeyFingerprint", n.sshHostKeyFingerprint());
        return o;
    }

    static NestedCluster read(String json) {
        JsonNode o;
        try {
            o = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "not a nested-pve cluster descriptor: invalid JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (o == null
                || !FORMAT.equals(o.path("format").asText())
                || o.path("version").asInt() != VERSION) {
            throw new IllegalArgumentException("not a nested-pve cluster descriptor (expected \"format\": \"" + FORMAT
                    + "\" and \"version\": " + VERSION + ")");
        }
        try {
            List<NestedNode> nodes = new ArrayList<>();
            o.path("nodes").forEach(n -> nodes.add(readNode(n)));
            return new NestedCluster(
                    o.path("cluster").asText(),
                    nodes,
                    NestingMode.valueOf(o.path("nesting").asText("unknown").toUpperCase(Locale.ROOT)),
                    text(o, "pveVersion"),
                    o.path("lease").asText(),
                    readHost(o.path("host")),
                    readTimings(o.path("timingsMillis")),
                    Instant.parse(o.path("created").asText()),
                    text(o, "expires") == null ? null : Instant.parse(text(o, "expires")));
        } catch (DateTimeParseException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("invalid nested-pve cluster descriptor: " + e.getMessage(), e);
        }
    }

    private static NestedNode readNode(JsonNode n) {
        return new NestedNode(
                n.path("name").asText(),
                n.path("vmid").asInt(),
                n.path("address").asText(),
                text(n, "apiFingerprint"),
                text(n, "sshHostKeyFingerprint"),
                n.path("apiPort").asInt(8006),
                n.path("sshPort").asInt(22));
    }

    private static HostRef readHost(JsonNode h) {
        JsonNode s = h.path("ssh");
        HostSshTarget ssh = s.isObject()
                ? new HostSshTarget(
                        text(s, "host"), s.path("port").asInt(22), text(s, "user"), text(s, "hostKeyFingerprint"))
                : null;
        return new HostRef(text(h, "apiUrl"), text(h, "node"), text(h, "apiFingerprint"), ssh);
    }

    private static PhaseTimings readTimings(JsonNode t) {
        Map<Phase, Map<String, Duration>> byPhase = new LinkedHashMap<>();
        t.properties().forEach(p -> {
            Map<String, Duration> byNode = new LinkedHashMap<>();
            p.getValue()
                    .properties()
                    .forEach(n -> byNode.put(
                            n.getKey(), Duration.ofMillis(n.getValue().asLong())));
            // a phase this version does not know (a newer writer) is left out rather than rejected
            phase(p.getKey()).ifPresent(phase -> byPhase.put(phase, byNode));
        });
        return new PhaseTimings(byPhase);
    }

    private static Optional<Phase> phase(String label) {
        for (Phase p : Phase.values()) {
            if (p.label().equals(label)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
