package io.jenkins.plugins.nestedpve.sim.model;

import io.jenkins.plugins.nestedpve.sim.http.ApiException;
import io.jenkins.plugins.nestedpve.sim.http.Principal;
import java.util.Map;

/**
 * The checks and the config of {@code POST /nodes/{node}/lxc} (pve-facts §12.1;
 * pve-container:src/PVE/API2/LXC.pm {@code create_vm}): {@code ostemplate} must be a {@code vztmpl}
 * volume the user may read, the root disk must be on a storage for container directories ({@code
 * local}, the default, is not), {@code unprivileged} defaults to 0 on 8.x and 1 on 9.x.
 */
final class CtCreate {
    private final PveMachine node;

    CtCreate(PveMachine node) {
        this.node = node;
    }

    /** The config of the new container, or the synchronous error. */
    VmConfig build(int vmid, Map<String, String> p, Principal who, Perms perms) {
        String tmpl = p.get("ostemplate");
        int colon = tmpl.indexOf(':');
        String sid = colon < 0 ? "local" : tmpl.substring(0, colon);
        String vol = colon < 0 ? tmpl : tmpl.substring(colon + 1);
        if (!vol.startsWith("vztmpl/")) {
            throw ApiException.die("unable to use volume " + tmpl + " - content type needs to be 'vztmpl'");
        }
        perms.requireAny(who, "/storage/" + sid, "Datastore.AllocateSpace", "Datastore.Audit");
        String rootfs = p.getOrDefault("rootfs", p.getOrDefault("storage", "local") + ":4");
        String[] rf = rootfs.split(",", 2)[0].split(":", 2);
        String storage = rf.length == 2 ? rf[0] : p.getOrDefault("storage", "local");
        String size = rf.length == 2 ? rf[1] : rf[0];
        if (!Storage.exists(storage)) {
            throw ApiException.param("storage", "storage '" + storage + "' does not exist");
        }
        if (!Storage.holdsImages(storage)) {
            throw ApiException.param("storage", "storage '" + storage + "' does not support container directories");
        }
        perms.require(who, "/storage/" + storage, "Datastore.AllocateSpace");
        boolean nine = node.version().major() >= 9;
        String unpriv = p.getOrDefault("unprivileged", nine ? "1" : "0");
        if (nine && "0".equals(unpriv)) {
            perms.require(who, "/", "Sys.Modify");
        }
        VmConfig c = new VmConfig();
        c.set("arch", "amd64");
        c.set("cores", p.getOrDefault("cores", "1"));
        if (p.get("features") != null) {
            c.set("features", p.get("features"));
        }
        c.set("hostname", p.getOrDefault("hostname", "CT" + vmid));
        c.set("memory", p.getOrDefault("memory", "512"));
        for (Map.Entry<String, String> e : p.entrySet()) {
            if (e.getKey().matches("net\\d+")) {
                if (ConfigValues.option(e.getValue(), "name") == null) {
                    throw ApiException.param(
                            e.getKey(),
                            "invalid format - format error\n" + e.getKey()
                                    + ".name: property is missing and it is not optional");
                }
                c.set(e.getKey(), e.getValue());
            }
        }
        c.set("ostype", vol.contains("debian") ? "debian" : "unmanaged");
        c.set("rootfs", storage + ":vm-" + vmid + "-disk-0,size=" + size.replaceAll("G$", "") + "G");
        c.set("swap", p.getOrDefault("swap", "512"));
        if (p.get("tags") != null) {
            c.set("tags", ConfigValues.tags(p.get("tags")));
        }
        if ("1".equals(unpriv)) {
            c.set("unprivileged", "1");
        }
        return c;
    }

    /** The template file a {@code <sid>:vztmpl/<file>} volume names on {@code local}. */
    static String templatePath(String volid) {
        return CtService.TEMPLATE_DIR + volid.substring(volid.indexOf("vztmpl/") + "vztmpl/".length());
    }
}
