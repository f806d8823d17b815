package io.jenkins.plugins.nestedpve.sim.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The storages of a default PVE installation: {@code local} (directory: ISOs, templates, backups)
 * and {@code local-lvm} (LVM-thin: VM images, container volumes), as in storage.cfg.
 */
public final class Storage {
    private static final long GIB = 1024L * 1024 * 1024;

    private Storage() {}

    /** Whether {@code id} is a storage of this node that holds VM images. */
    public static boolean holdsImages(String id) {
        return "local-lvm".equals(id);
    }

    public static boolean exists(String id) {
        return "local".equals(id) || "local-lvm".equals(id);
    }

    public static String storageCfg() {
        return "dir: local\n\tpath /var/lib/vz\n\tcontent iso,vztmpl,backup\n\n"
                + "lvmthin: local-lvm\n\tthinpool data\n\tvgname pve\n\tcontent rootdir,images\n";
    }

    /** {@code GET /nodes/{node}/storage} entries; {@code usedImagesGiB} fills local-lvm. */
    public static List<Map<String, Object>> list(long usedImagesGiB, String contentFilter) {
        List<Map<String, Object>> out = new ArrayList<>();
        add(out, "local", "dir", "iso,vztmpl,backup", 100 * GIB, 12 * GIB, 0, contentFilter);
        add(out, "local-lvm", "lvmthin", "rootdir,images", 800 * GIB, usedImagesGiB * GIB, 0, contentFilter);
        return out;
    }

    private static void add(
            List<Map<String, Object>> out,
            String id,
            String type,
            String content,
            long total,
            long used,
            int shared,
            String filter) {
        if (filter != null && !List.of(content.split(",")).contains(filter)) {
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("storage", id);
        m.put("type", type);
        m.put("content", content);
        m.put("active", 1);
        m.put("enabled", 1);
        m.put("shared", shared);
        m.put("total", total);
        m.put("used", used);
        m.put("avail", total - used);
        m.put("used_fraction", (double) used / total);
        out.add(m);
    }
}
