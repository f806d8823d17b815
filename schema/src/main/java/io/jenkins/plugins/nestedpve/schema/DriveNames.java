package io.jenkins.plugins.nestedpve.schema;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** qemu-server:src/PVE/QemuServer/Drive.pm drive keys ($MAX_IDE_DISKS etc.; unusedN excluded). */
final class DriveNames {
    private static final Map<String, Integer> LIMITS = Map.of("ide", 4, "sata", 6, "scsi", 31, "virtio", 16);
    private static final Pattern DRIVE = Pattern.compile("(ide|sata|scsi|virtio)(\\d+)");

    private DriveNames() {}

    /** is_valid_drivename: a key of $drivedesc_hash other than unusedN. */
    static boolean isValid(String dev) {
        if ("efidisk0".equals(dev) || "tpmstate0".equals(dev)) {
            return true;
        }
        Matcher m = DRIVE.matcher(dev);
        return m.matches() && canonicalIndex(m.group(2), LIMITS.get(m.group(1)));
    }

    /** A config key index: decimal without leading zeros, below {@code limit}. */
    static boolean canonicalIndex(String digits, int limit) {
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            return false;
        }
        return digits.length() <= 9 && Integer.parseInt(digits) < limit;
    }
}
