package io.jenkins.plugins.nestedpve.sim.model;

import io.jenkins.plugins.nestedpve.sim.http.ApiException;
import io.jenkins.plugins.nestedpve.sim.http.Principal;
import java.util.Map;
import java.util.Set;

/**
 * Builds the config of a new VM from create parameters (qemu-server:src/PVE/API2/Qemu.pm create_vm)
 * and normalizes single values for create and config updates alike.
 */
final class VmCreate {
    /** Create parameters that are not config keys. */
    static final Set<String> CONTROL = Set.of(
            "vmid",
            "node",
            "storage",
            "pool",
            "start",
            "ha-managed",
            "unique",
            "force",
            "archive",
            "bwlimit",
            "live-restore",
            "import-working-storage");

    private final PveMachine node;
    private final ConfigValues values;

    VmCreate(PveMachine node) {
        this.node = node;
        this.values = new ConfigValues(node.env().random());
    }

    VmConfig build(int vmid, Map<String, String> params, Principal who, Perms perms) {
        VmConfig cfg = new VmConfig();
        int disk = 0;
        for (Map.Entry<String, String> e : params.entrySet()) {
            String key = e.getKey();
            if (CONTROL.contains(key)) {
                continue;
            }
            ConfigPerms.check(perms, who, vmid, key, e.getValue());
            String v = normalize(vmid, key, e.getValue(), disk, who, perms);
            if (ConfigValues.isDrive(key) && v.contains(":vm-" + vmid + "-disk-")) {
                disk++;
            }
            cfg.set(key, v);
        }
        if (!cfg.has("smbios1")) {
            cfg.set("smbios1", "uuid=" + values.uuid());
        }
        cfg.set("vmgenid", values.uuid());
        cfg.set(
                "meta",
                "creation-qemu=9.2.0,ctime=" + node.env().clock().instant().getEpochSecond());
        return cfg;
    }

    /** A value as it will be stored, with the checks PVE makes on it. */
    String normalize(int vmid, String key, String value, int diskIndex, Principal who, Perms perms) {
        if (ConfigValues.isNet(key)) {
            String bridge = ConfigValues.option(value, "bridge");
            if (bridge != null) {
                String tag = ConfigValues.option(value, "tag");
                perms.require(who, "/sdn/zones/localnetwork/" + bridge + (tag == null ? "" : "/" + tag), "SDN.Use");
            }
            return values.net(value, false);
        }
        if (ConfigValues.isDrive(key)) {
            String v = ConfigValues.drive(key, value, vmid, diskIndex);
            if (!v.equals(value)) {
                perms.require(who, "/storage/" + ConfigValues.storageOf(v), "Datastore.AllocateSpace");
            }
            return v;
        }
        return switch (key) {
            case "tags" -> ConfigValues.tags(value);
            case "sshkeys" -> ConfigValues.sshkeys(value);
            case "cipassword" -> value.matches("^\\$(1|5|6|2a)\\$.*") ? value : shadowHash(value);
            case "name" -> checkName(value);
            case "balloon", "memory" -> value;
            default -> value;
        };
    }

    private String shadowHash(String password) {
        StringBuilder salt = new StringBuilder();
        String chars = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        for (int i = 0; i < 16; i++) {
            salt.append(chars.charAt(node.env().random().nextInt(chars.length())));
        }
        return io.jenkins.plugins.nestedpve.sim.shell.Shadow.hash(password, salt.toString());
    }

    private static String checkName(String name) {
        if (!name.matches("([a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?)(\\.[a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?)*")) {
            throw ApiException.param("name", "invalid format - value does not look like a valid DNS name");
        }
        return name;
    }
}
