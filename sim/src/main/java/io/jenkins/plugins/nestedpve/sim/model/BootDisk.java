package io.jenkins.plugins.nestedpve.sim.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The size of a VM's boot disk, which pvestatd reports as {@code maxdisk}
 * (qemu-server:src/PVE/QemuServer.pm {@code vmstatus}; src/PVE/QemuServer/Drive.pm
 * {@code get_bootdisks}, {@code bootdisk_size}; pve-common:src/PVE/JSONSchema.pm {@code parse_size}):
 * the first drive of {@code boot: order=...} (else the legacy {@code bootdisk}) that exists, is no
 * CD-ROM and has a volume; its {@code size=} in bytes, 0 when there is none.
 */
final class BootDisk {
    private static final Pattern SIZE = Pattern.compile("^(\\d+(\\.\\d+)?)([KMGT](?:iB)?)?$");
    private static final Map<Character, Long> UNITS =
            Map.of('K', 1L << 10, 'M', 1L << 20, 'G', 1L << 30, 'T', 1L << 40);

    private BootDisk() {}

    static long size(SimVm vm) {
        for (String key : bootdisks(vm)) {
            String value = ConfigValues.isDrive(key) ? vm.get(key) : null;
            if (value == null
                    || ConfigValues.isCdrom(value)
                    || ConfigValues.volid(value).isEmpty()) {
                continue;
            }
            return parseSize(ConfigValues.option(value, "size"));
        }
        return 0;
    }

    /** get_bootdisks: the order list of {@code boot}, or the legacy {@code bootdisk}. */
    private static List<String> bootdisks(SimVm vm) {
        String order = ConfigValues.option(vm.get("boot"), "order");
        if (order == null) {
            String legacy = vm.get("bootdisk");
            return legacy == null || legacy.isEmpty() ? List.of() : List.of(legacy);
        }
        return List.of(order.split("[,;\\s]+"));
    }

    /** parse_size, with 0 for an absent or unparsable size. */
    static long parseSize(String text) {
        Matcher m = text == null ? null : SIZE.matcher(text);
        if (m == null || !m.matches()) {
            return 0;
        }
        BigDecimal size = new BigDecimal(m.group(1));
        if (m.group(3) != null) {
            size = size.multiply(BigDecimal.valueOf(UNITS.get(m.group(3).charAt(0))));
        }
        return size.longValue();
    }
}
