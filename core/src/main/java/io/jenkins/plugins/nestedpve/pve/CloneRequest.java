package io.jenkins.plugins.nestedpve.pve;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Parameters of {@code POST /nodes/{node}/qemu/{vmid}/clone} (pve-facts §3.4), validated when built.
 * Start with {@link #builder(int)}.
 *
 * @param newid VMID of the clone
 * @param name DNS-style name, or {@code null} (PVE then names it {@code Copy-of-VM-...})
 * @param description free text, or {@code null}
 * @param full {@code true} full clone, {@code false} linked clone, {@code null} PVE's default
 *     (linked from a template, full otherwise)
 * @param target target node, or {@code null}
 * @param storage target storage (full clones only), or {@code null}
 * @param format disk format (full clones only): {@code raw}, {@code qcow2}, {@code vmdk}, or {@code null}
 * @param pool resource pool, or {@code null}
 * @param snapname snapshot to clone from, or {@code null}
 */
public record CloneRequest(
        int newid,
        String name,
        String description,
        Boolean full,
        String target,
        String storage,
        String format,
        String pool,
        String snapname) {
    private static final Set<String> FORMATS = Set.of("raw", "qcow2", "vmdk");

    public CloneRequest {
        PveFormats.vmid("clone VMID", newid);
        if (name != null && !PveFormats.isDnsName(name)) {
            throw new IllegalArgumentException(
                    "VM name '" + name + "' is not a valid DNS name (letters, digits," + " '-' and dots; no '_')");
        }
        if ((storage != null || format != null) && !Boolean.TRUE.equals(full)) {
            throw new IllegalArgumentException("storage and format apply only to full clones; set full(true) or"
                    + " leave them out (PVE: parameter 'storage' not allowed for linked clones)");
        }
        if (format != null && !FORMATS.contains(format)) {
            throw new IllegalArgumentException("clone format '" + format + "' is not one of " + FORMATS);
        }
        if (description != null && description.length() > 8192) {
            throw new IllegalArgumentException("VM description is longer than PVE's 8192 characters");
        }
    }

    public static Builder builder(int newid) {
        return new Builder(newid);
    }

    /** The request parameters, without nulls. */
    Map<String, Object> toParams() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("newid", newid);
        put(p, "name", name);
        put(p, "description", description);
        put(p, "full", full);
        put(p, "target", target);
        put(p, "storage", storage);
        put(p, "format", format);
        put(p, "pool", pool);
        put(p, "snapname", snapname);
        return p;
    }

    private static void put(Map<String, Object> p, String k, Object v) {
        if (v != null) {
            p.put(k, v);
        }
    }

    /** Builds a {@link CloneRequest}; every setter is optional. */
    public static final class Builder {
        private final int newid;
        private String name;
        private String description;
        private Boolean full;
        private String target;
        private String storage;
        private String format;
        private String pool;
        private String snapname;

        private Builder(int newid) {
            this.newid = newid;
        }

        public Builder name(String v) {
            this.name = v;
            return this;
        }

        public Builder description(String v) {
            this.description = v;
            return this;
        }

        public Builder full(boolean v) {
            this.full = v;
            return this;
        }

        public Builder target(String v) {
            this.target = v;
            return this;
        }

        public Builder storage(String v) {
            this.storage = v;
            return this;
        }

        public Builder format(String v) {
            this.format = v;
            return this;
        }

        public Builder pool(String v) {
            this.pool = v;
            return this;
        }

        public Builder snapname(String v) {
            this.snapname = v;
            return this;
        }

        /** @throws IllegalArgumentException when a value or combination is invalid */
        public CloneRequest build() {
            return new CloneRequest(newid, name, description, full, target, storage, format, pool, snapname);
        }
    }
}
