package io.jenkins.plugins.nestedpve.sim.model;

import io.jenkins.plugins.nestedpve.sim.http.ApiException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * How qemu-server turns API input into config file values: generated MACs for net devices,
 * allocated volumes for {@code STORAGE:SIZE} disks, normalized tags, checked {@code sshkeys}
 * (kept percent-encoded), hashed {@code cipassword}.
 */
public final class ConfigValues {
    private static final Pattern DRIVE = Pattern.compile("(ide|sata|scsi|virtio)\\d+|efidisk0|tpmstate0");
    private static final Pattern NET = Pattern.compile("net\\d+");
    private static final Pattern URLENCODED = Pattern.compile("[-%a-zA-Z0-9_.!~*'()]*");
    private static final Pattern TAG = Pattern.compile("[a-z0-9_][a-z0-9_\\-+.]*", Pattern.CASE_INSENSITIVE);
    private static final Pattern SSH_KEY = Pattern.compile(
            "(ssh-(rsa|ed25519|dss)|ecdsa-sha2-nistp(256|384|521)|sk-\\S+)\\s+[A-Za-z0-9+/]+=*(\\s.*)?");
    private static final List<String> NIC_MODELS =
            List.of("virtio", "e1000", "e1000e", "vmxnet3", "rtl8139", "i82551", "i82557b", "i82559er", "ne2k_pci");

    private final Random random;

    public ConfigValues(Random random) {
        this.random = random;
    }

    public static boolean isDrive(String key) {
        return DRIVE.matcher(key).matches();
    }

    public static boolean isNet(String key) {
        return NET.matcher(key).matches();
    }

    /** A random MAC with PVE's default prefix BC:24:11. */
    public String randomMac() {
        return String.format(
                Locale.ROOT, "BC:24:11:%02X:%02X:%02X", random.nextInt(256), random.nextInt(256), random.nextInt(256));
    }

    public String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    /** A net value with a MAC: {@code <model>=<MAC>,<other options>}; {@code newMac} replaces any. */
    public String net(String value, boolean newMac) {
        String model = null;
        String mac = null;
        List<String> rest = new ArrayList<>();
        for (String part : value.split(",")) {
            String[] kv = part.split("=", 2);
            if (NIC_MODELS.contains(kv[0])) {
                model = kv[0];
                mac = kv.length > 1 ? kv[1] : mac;
            } else if (kv[0].equals("model") && kv.length > 1) {
                model = kv[1];
            } else if (kv[0].equals("macaddr") && kv.length > 1) {
                mac = kv[1];
            } else if (!part.isEmpty()) {
                rest.add(part);
            }
        }
        if (model == null) {
            throw ApiException.param(
                    "net0", "invalid format - format error\nnet0.model: property is missing and it is not optional");
        }
        if (mac == null || newMac) {
            mac = randomMac();
        }
        StringBuilder sb = new StringBuilder(model).append('=').append(mac.toUpperCase(Locale.ROOT));
        rest.forEach(r -> sb.append(',').append(r));
        return sb.toString();
    }

    /** The MAC of a net value, or null. */
    public static String macOf(String netValue) {
        if (netValue == null) {
            return null;
        }
        for (String part : netValue.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2 && (NIC_MODELS.contains(kv[0]) || kv[0].equals("macaddr"))) {
                return kv[1];
            }
        }
        return null;
    }

    /** One option of a property string ({@code bridge} of {@code virtio=..,bridge=vmbr0}), or null. */
    public static String option(String value, String name) {
        if (value == null) {
            return null;
        }
        for (String part : value.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2 && kv[0].equals(name)) {
                return kv[1];
            }
        }
        return null;
    }

    /** Tags as stored: lower-cased, de-duplicated, sorted, joined by {@code ;}. */
    public static String tags(String input) {
        TreeSet<String> out = new TreeSet<>();
        for (String t : input.split("[,;\\s]+")) {
            if (t.isEmpty()) {
                continue;
            }
            if (!TAG.matcher(t).matches()) {
                throw ApiException.param("tags", "invalid format - invalid characters in tag '" + t + "'");
            }
            out.add(t.toLowerCase(Locale.ROOT));
        }
        return String.join(";", out);
    }

    /** Checks {@code sshkeys}: strict percent-encoding, every line a public key; returns it unchanged. */
    public static String sshkeys(String encoded) {
        if (!URLENCODED.matcher(encoded).matches()) {
            throw ApiException.param("sshkeys", "invalid format - invalid urlencoded string: " + encoded);
        }
        String decoded = URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
        for (String line : decoded.split("\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#") && !SSH_KEY.matcher(l).matches()) {
                throw ApiException.die("SSH public key validation error");
            }
        }
        return encoded;
    }

    /** The decoded key lines of a stored {@code sshkeys} value. */
    public static List<String> decodeSshkeys(String encoded) {
        String decoded = URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
        return Arrays.stream(decoded.split("\n"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /**
     * A drive value as stored: {@code STORAGE:SIZE} allocates {@code vm-<id>-disk-<n>}, {@code
     * STORAGE:cloudinit} a cloud-init volume; anything else is kept.
     */
    public static String drive(String key, String value, int vmid, int diskIndex) {
        String[] parts = value.split(",", 2);
        String file = parts[0];
        String opts = parts.length > 1 ? "," + parts[1] : "";
        int colon = file.indexOf(':');
        if (colon < 0 || file.startsWith("/")) {
            return value;
        }
        String storage = file.substring(0, colon);
        String vol = file.substring(colon + 1);
        if (vol.equals("cloudinit")) {
            return storage + ":vm-" + vmid + "-cloudinit,media=cdrom";
        }
        if (vol.matches("\\d+(\\.\\d+)?")) {
            if (!Storage.exists(storage)) {
                throw ApiException.die("storage '" + storage + "' does not exist");
            }
            if (!Storage.holdsImages(storage)) {
                throw ApiException.die("storage '" + storage + "' does not support vm images");
            }
            return storage + ":vm-" + vmid + "-disk-" + diskIndex + opts + ",size=" + vol + "G";
        }
        return value;
    }

    /** Whether a drive value is a CD-ROM (copied, not cloned). */
    public static boolean isCdrom(String value) {
        return value.contains("media=cdrom") && !value.contains("cloudinit");
    }

    public static boolean isCloudinit(String value) {
        return value.contains("-cloudinit");
    }

    /** The volume id of a drive value ({@code local-lvm:base-9000-disk-0}). */
    public static String volid(String value) {
        return value.split(",", 2)[0];
    }

    /** The storage of a drive value. */
    public static String storageOf(String value) {
        String v = volid(value);
        return v.contains(":") ? v.substring(0, v.indexOf(':')) : "";
    }
}
