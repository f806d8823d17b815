package io.jenkins.plugins.nestedpve.sim.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The storages of a default PVE installation: {@code local} (directory: ISOs, templates, backups)
 * and {@code local-lvm} (LVM-thin: VM images, container volumes), as in storage.cfg; a physical
 * cluster may add one shared storage (RBD: VM images, container volumes, {@code shared 1}; RBD is
 * always shared and supports linked clones, pve-storage:src/PVE/Storage/RBDPlugin.pm).
 */
public final class Storage {
    private static final long GIB = 1024L * 1024 * 1024;

    private Storage() {}

    /** Whether {@code id} is a storage of this node that holds VM images (the shared one included). */
    public static boolean holdsImages(Pmxcfs cfs, String id) {
        return holdsImages(id) || isShared(cfs, id);
    }

    public static boolean exists(Pmxcfs cfs, String id) {
        return exists(id) || isShared(cfs, id);
    }

    /** Whether {@code id} is the cluster's shared storage ({@code shared 1} in storage.cfg). */
    public static boolean isShared(Pmxcfs cfs, String id) {
        return cfs.sharedStorage().filter(id::equals).isPresent();
    }

    public static String storageCfg(Pmxcfs cfs) {
        return storageCfg()
                + cfs.sharedStorage()
                        .map(id -> "\nrbd: " + id + "\n\tcontent images,rootdir\n\tkrbd 0\n\tpool " + id + "\n")
                        .orElse("");
    }

    /** {@link #list(long, String)} plus the cluster's shared storage. */
    public static List<Map<String, Object>> list(Pmxcfs cfs, long usedImagesGiB, String contentFilter) {
        List<Map<String, Object>> out = list(usedImagesGiB, contentFilter);
        cfs.sharedStorage()
                .ifPresent(id -> add(out, id, "rbd", "images,rootdir", 4096 * GIB, 64 * GIB, 1, contentFilter));
        return out;
    }

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
