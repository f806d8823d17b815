package io.jenkins.plugins.nestedpve.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The proof that this installation created a VM: the tag {@value #TAG} plus a marker line in the
 * VM's description,
 *
 * <pre>
 * Created by nested-pve for &lt;owner&gt; (&lt;build&gt;); destroyed automatically.
 * nested-pve-marker: {"v":2,"installation":"&lt;uuid&gt;","lease":"…","cluster":"…","node":"…","owner":"…","build":"…","created":"…","expires":null,"vmid":80000,"sig":"…"}
 * </pre>
 *
 * The installation id is public, so it proves nothing alone: {@code sig} is the HMAC-SHA256 of all
 * other fields (VMID included) under the installation's {@link MarkerKey}, and teardown and the
 * reaper destroy only VMs whose marker {@link #verifiedFor verifies} for the VMID it is found on. A
 * marker copied onto another VM, edited, or written by an older version (format 1, unsigned) never
 * verifies. The marker never contains secrets. Instants are kept to the second.
 *
 * @param version marker format version, {@value #VERSION}; 1 = before signing
 * @param installation the UUID of the installation that created the VM
 * @param lease the provisioning's lease id
 * @param expires null while the cluster is in use; set when a failed cluster is kept for debugging
 * @param vmid the VMID the marker was written for (0 in format 1)
 * @param signature base64url HMAC-SHA256 of {@link #payload()}, or null when unsigned
 */
public record OwnershipMarker(
        int version,
        String installation,
        String lease,
        String cluster,
        String node,
        String owner,
        String build,
        Instant created,
        Instant expires,
        int vmid,
        String signature) {
    /** The PVE tag on every guest (pve-tag format {@code [a-z0-9_][a-z0-9_\-+.]*}). */
    public static final String TAG = "nested-pve";
    /** The description line prefix. */
    public static final String PREFIX = "nested-pve-marker:";
    /** The current format version. */
    public static final int VERSION = 2;
    /** PVE's limit for {@code description} (schema maxLength). */
    public static final int DESCRIPTION_MAX = 8192;

    private static final ObjectMapper JSON = new ObjectMapper();

    public OwnershipMarker {
        Objects.requireNonNull(installation, "installation");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(node, "node");
        owner = owner == null ? "" : owner;
        build = build == null ? "" : build;
        created = Objects.requireNonNull(created, "created").truncatedTo(ChronoUnit.SECONDS);
        expires = expires == null ? null : expires.truncatedTo(ChronoUnit.SECONDS);
    }

    /** An unsigned marker without VMID (format 1, or one still to be signed). */
    public OwnershipMarker(
            int version,
            String installation,
            String lease,
            String cluster,
            String node,
            String owner,
            String build,
            Instant created,
            Instant expires) {
        this(version, installation, lease, cluster, node, owner, build, created, expires, 0, null);
    }

    /**
     * The unsigned marker for node {@code node} of a cluster built from {@code spec}, cloned onto
     * {@code vmid}, without expiry; {@link #signedWith sign} it before writing it.
     */
    public static OwnershipMarker forNode(ClusterSpec spec, String lease, String node, int vmid, Instant created) {
        return new OwnershipMarker(
                VERSION,
                spec.installationId().toString(),
                lease,
                spec.clusterName(),
                node,
                spec.owner(),
                spec.buildRef(),
                created,
                null,
                vmid,
                null);
    }

    /** Whether the marker names {@code installationId} (public: proves nothing without {@link #verifiedFor}). */
    public boolean isOwnedBy(UUID installationId) {
        return installation.equalsIgnoreCase(installationId.toString());
    }

    /** An unsigned copy that expires at {@code at} (keep-on-failure); sign it again before writing it. */
    public OwnershipMarker withExpiry(Instant at) {
        return new OwnershipMarker(version, installation, lease, cluster, node, owner, build, created, at, vmid, null);
    }

    /** A copy in the current format signed with {@code key}. */
    public OwnershipMarker signedWith(MarkerKey key) {
        OwnershipMarker current = new OwnershipMarker(
                VERSION, installation, lease, cluster, node, owner, build, created, expires, vmid, null);
        return new OwnershipMarker(
                VERSION,
                installation,
                lease,
                cluster,
                node,
                owner,
                build,
                created,
                expires,
                vmid,
                key.sign(current.payload()));
    }

    /** Whether the marker carries a signature at all (format 2 or later). */
    public boolean signed() {
        return signature != null;
    }

    /**
     * Whether {@code key} signed this marker for the VM {@code vmidFoundOn}: false for an unsigned
     * (format 1) marker, an edited one, and one copied from another VMID.
     */
    public boolean verifiedFor(int vmidFoundOn, MarkerKey key) {
        return signature != null && version >= 2 && vmid == vmidFoundOn && key.verifies(payload(), signature);
    }

    /** What the signature covers: the marker's JSON without {@code sig}. */
    public String payload() {
        return write(fields());
    }

    /** Whether an expiry is set and has passed on {@code clock}. No expiry: never expired. */
    public boolean expired(Clock clock) {
        return expires != null && !clock.instant().isBefore(expires);
    }

    /** The marker's compact JSON. */
    public String json() {
        ObjectNode o = fields();
        if (signature != null) {
            o.put("sig", signature);
        }
        return write(o);
    }

    private ObjectNode fields() {
        ObjectNode o = JSON.createObjectNode();
        o.put("v", version);
        o.put("installation", installation);
        o.put("lease", lease);
        o.put("cluster", cluster);
        o.put("node", node);
        o.put("owner", owner);
        o.put("build", build);
        o.put("created", created.toString());
        o.put("expires", expires == null ? null : expires.toString());
        if (vmid > 0) {
            o.put("vmid", vmid);
        }
        return o;
    }

    private static String write(ObjectNode o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the ownership marker", e);
        }
    }

    /**
     * The VM description: a human line, then the marker line.
     *
     * @throws IllegalStateException when it would exceed {@value #DESCRIPTION_MAX} characters
     */
    public String format() {
        String human = "Created by nested-pve for " + oneLine(owner) + " (" + oneLine(build)
                + "); destroyed automatically." + (expires == null ? "" : " Kept for debugging until " + expires + ".");
        String text = human + "\n" + PREFIX + " " + json();
        if (text.length() > DESCRIPTION_MAX) {
            throw new IllegalStateException("the ownership marker needs " + text.length() + " characters, PVE allows "
                    + DESCRIPTION_MAX + " — shorten owner or buildRef");
        }
        return text;
    }

    /**
     * Finds the marker in a VM description. Tolerates other text around it, {@code \r\n}, the raw
     * config form ({@code #} comment lines with {@code :} and {@code %} percent-encoded,
     * pve-common:src/PVE/ParseUtils.pm {@code encode_text}) and unparsable marker lines (skipped).
     */
    public static Optional<OwnershipMarker> parse(String description) {
        if (description == null) {
            return Optional.empty();
        }
        for (String raw : description.split("\r?\n")) {
            String line = raw.strip();
            if (line.startsWith("#")) {
                line = line.substring(1).strip();
            }
            if (!line.startsWith("nested-pve-marker")) {
                continue;
            }
            String rest = line.substring("nested-pve-marker".length());
            if (rest.regionMatches(true, 0, "%3A", 0, 3)) {
                rest = percentDecode(rest.substring(3));
            } else if (rest.startsWith(":")) {
                rest = rest.substring(1);
            } else {
                continue;
            }
            Optional<OwnershipMarker> marker = fromJson(rest.strip());
            if (marker.isPresent()) {
                return marker;
            }
        }
        return Optional.empty();
    }

    private static Optional<OwnershipMarker> fromJson(String json) {
        try {
            JsonNode o = JSON.readTree(json);
            if (o == null || !o.isObject() || !o.path("v").canConvertToInt()) {
                return Optional.empty();
            }
            String installation = text(o, "installation");
            String lease = text(o, "lease");
            String cluster = text(o, "cluster");
            String node = text(o, "node");
            String created = text(o, "created");
            if (installation == null || lease == null || cluster == null || node == null || created == null) {
                return Optional.empty();
            }
            String expires = text(o, "expires");
            return Optional.of(new OwnershipMarker(
                    o.path("v").asInt(),
                    installation,
                    lease,
                    cluster,
                    node,
                    text(o, "owner"),
                    text(o, "build"),
                    Instant.parse(created),
                    expires == null ? null : Instant.parse(expires),
                    o.path("vmid").canConvertToInt() ? o.path("vmid").asInt() : 0,
                    text(o, "sig")));
        } catch (JsonProcessingException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String percentDecode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%'
                    && i + 2 < bytes.length
                    && Character.digit(bytes[i + 1], 16) >= 0
                    && Character.digit(bytes[i + 2], 16) >= 0) {
                out.write(Character.digit(bytes[i + 1], 16) * 16 + Character.digit(bytes[i + 2], 16));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\p{Cntrl}", " ");
    }

    /** Whether a PVE tag list (stored joined by {@code ;}; input may use {@code ,} or spaces) holds {@value #TAG}. */
    public static boolean hasTag(String tags) {
        return tags != null && Arrays.stream(tags.split("[;,\\s]+")).anyMatch(TAG::equalsIgnoreCase);
    }

    /** {@code existing} tags plus {@value #TAG}, lower-cased, de-duplicated, joined by {@code ;}. */
    public static String withTag(String existing) {
        Set<String> tags = new LinkedHashSet<>();
        if (existing != null) {
            Arrays.stream(existing.split("[;,\\s]+"))
                    .filter(t -> !t.isBlank())
                    .forEach(t -> tags.add(t.toLowerCase(Locale.ROOT)));
        }
        tags.add(TAG);
        return String.join(";", tags);
    }
}
