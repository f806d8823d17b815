package io.jenkins.plugins.nestedpve.schema;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Code formats of pve-storage (src/PVE/Storage/Plugin.pm) and qemu-server (src/PVE/QemuServer.pm,
 * src/PVE/QemuServer/Drive.pm, src/PVE/QemuServer/CPUConfig.pm) used by guest parameters.
 */
final class GuestFormats {
    private static final Pattern VOLUME_ID = Rx.of("(?i)^([a-z][a-z0-9\\-\\_\\.]*[a-z0-9]):(.+)$");
    private static final Pattern STORAGE_FORMAT = Rx.of("^(raw|qcow2|vmdk|subvol)$");
    private static final Pattern OPTIONS = Rx.of("^\\S+$");
    private static final Pattern CPUSET_RANGE = Rx.of("^\\s*(\\d+)(?:-(\\d+))?\\s*$");
    private static final Pattern HOTPLUG = Rx.of("^(network|disk|cpu|memory|usb|cloudinit)$");
    private static final Pattern PHYS_BITS = Rx.of("^(host|\\d{1,2})$");
    private static final Pattern INDEXED = Rx.of("^(net|usb|hostpci)(\\d+)$");
    // DirPlugin's content types: the "dir" plugin accepts all of them
    private static final Set<String> CONTENT =
            Set.of("images", "rootdir", "vztmpl", "iso", "backup", "snippets", "none", "import");
    // qemu-server limits: $MAX_NETS 32, $MAX_USB_DEVICES 14, $MAX_HOSTPCI_DEVICES 16
    private static final Map<String, Integer> BOOTDEV_LIMITS = Map.of("net", 32, "usb", 14, "hostpci", 16);

    private GuestFormats() {}

    static void register(Map<String, CodeFormat> f) {
        f.put("pve-volume-id", GuestFormats::volumeId);
        f.put("pve-volume-id-or-absolute-path", GuestFormats::volumeIdOrAbsolutePath);
        f.put("pve-volume-id-or-qm-path", v -> {
            if (!"none".equals(v) && !"cdrom".equals(v)) {
                volumeIdOrAbsolutePath(v);
            }
        });
        f.put("pve-storage-content", v -> {
            if (!CONTENT.contains(v)) {
                throw FormatException.die("invalid content type '" + v + "'");
            }
        });
        f.put("pve-storage-format", v -> Rx.require(STORAGE_FORMAT, v, "invalid format '" + v + "'"));
        f.put("pve-storage-options", v -> Rx.require(OPTIONS, v, "invalid options '" + v + "'"));
        f.put("pve-cpuset", GuestFormats::cpuset);
        f.put("pve-hotplug-features", GuestFormats::hotplug);
        f.put("pve-qm-bootdisk", v -> {
            if (!DriveNames.isValid(v)) {
                throw FormatException.die("invalid boot disk '" + v + "'");
            }
        });
        f.put("pve-qm-bootdev", GuestFormats::bootdev);
        f.put("pve-phys-bits", GuestFormats::physBits);
    }

    private static void volumeId(String v) throws FormatException {
        Rx.require(VOLUME_ID, v, "unable to parse volume ID '" + v + "'");
    }

    private static void volumeIdOrAbsolutePath(String v) throws FormatException {
        if (!v.startsWith("/")) {
            volumeId(v);
        }
    }

    // PVE::CpuSet::parse_cpuset; any failure becomes one message
    private static void cpuset(String text) throws FormatException {
        if (text.isEmpty()) {
            return; // Perl's split yields no parts
        }
        for (String part : text.split(",")) {
            Matcher m = CPUSET_RANGE.matcher(part);
            boolean ok = m.find() && (m.group(2) == null || compare(m.group(2), m.group(1)) >= 0);
            if (!ok) {
                throw FormatException.die("unable to parse cpuset option");
            }
        }
    }

    private static int compare(String a, String b) {
        return new java.math.BigInteger(a).compareTo(new java.math.BigInteger(b));
    }

    // parse_hotplug_features: its own die text escapes pve_verify_hotplug_features
    private static void hotplug(String data) throws FormatException {
        if ("0".equals(data)) {
            return;
        }
        String features = "1".equals(data) ? "network,disk,usb" : data;
        for (String feature : Perl.splitList(features)) {
            if (!Rx.ok(HOTPLUG, feature)) {
                throw FormatException.die("invalid hotplug feature '" + feature + "'");
            }
        }
    }

    // verify_bootdev: a drive (not efidisk/tpmstate) or an existing netN/usbN/hostpciN key
    private static void bootdev(String dev) throws FormatException {
        boolean special = dev.startsWith("efidisk") || dev.startsWith("tpmstate");
        if (DriveNames.isValid(dev) && !special) {
            return;
        }
        Matcher m = INDEXED.matcher(dev);
        if (m.find() && DriveNames.canonicalIndex(m.group(2), BOOTDEV_LIMITS.get(m.group(1)))) {
            return;
        }
        throw FormatException.die("invalid boot device '" + dev + "'");
    }

    private static void physBits(String str) throws FormatException {
        String msg = "value must be an integer between 8 and 64 or 'host'";
        if (!Rx.ok(PHYS_BITS, str)) {
            throw FormatException.die(msg);
        }
        String s = str.strip();
        if (!s.equals("host") && (Integer.parseInt(s) < 8 || Integer.parseInt(s) > 64)) {
            throw FormatException.die(msg);
        }
    }
}
