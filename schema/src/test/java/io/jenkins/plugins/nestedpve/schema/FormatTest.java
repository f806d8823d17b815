package io.jenkins.plugins.nestedpve.schema;

import static io.jenkins.plugins.nestedpve.schema.Schemas.check;
import static io.jenkins.plugins.nestedpve.schema.Schemas.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormatTest {
    private static final String CONFIG = "/nodes/pve1/qemu/100/config";
    private static final String CLONE = "/nodes/pve1/qemu/100/clone";
    private static final Formats V91 = Formats.forVersion("9.1", new ObjectMapper());
    private static final Formats V84 = Formats.forVersion("8.4", new ObjectMapper());

    private static String error(Formats formats, String format, String value) {
        try {
            FormatCheck.check(formats.resolve(format), value, "p", Dialect.forVersion(formats == V84 ? "8.4" : "9.1"));
            return null;
        } catch (FormatException e) {
            return e.perlText();
        }
    }

    @Test
    void dnsNameRejectsUnderscore() {
        assertThat(check("POST", CLONE, params("newid", "101", "name", "node_1"), false))
                .containsExactlyEntriesOf(
                        Map.of("name", "invalid format - value does not look like a valid DNS name\n"));
        assertThat(check("POST", CLONE, params("newid", "101", "name", "node-1.lab.example"), false))
                .isEmpty();
    }

    @Test
    void vmidFormat() {
        assertThat(error(V91, "pve-vmid", "100")).isNull();
        assertThat(error(V91, "pve-vmid", "999999999")).isNull();
        assertThat(error(V91, "pve-vmid", "1000000000")).isEqualTo("value does not look like a valid VM ID\n");
        assertThat(error(V91, "pve-vmid", "0100")).isEqualTo("value does not look like a valid VM ID\n");
    }

    @Test
    void nodeFormat() {
        assertThat(error(V91, "pve-node", "pve-1")).isNull();
        assertThat(error(V91, "pve-node", "pve1.lab")).isEqualTo("value does not look like a valid node name\n");
    }

    @Test
    void storageIdMessagesDifferBetweenVersions() {
        assertThat(error(V91, "pve-storage-id", "local-lvm")).isNull();
        assertThat(error(V91, "pve-storage-id", "a")).isEqualTo("storage ID 'a' cannot be shorter than 2 characters\n");
        assertThat(error(V84, "pve-storage-id", "a")).isEqualTo("storage ID 'a' contains illegal characters\n");
        assertThat(error(V91, "pve-storage-id", "1local"))
                .isEqualTo("storage ID '1local' contains illegal characters\n");
    }

    @Test
    void configIdListIsSplitOnCommaSemicolonAndSpace() {
        assertThat(error(V91, "pve-configid-list", "net1,ipconfig1; scsi1 ")).isNull();
        assertThat(error(V91, "pve-configid-list", "net1,-x")).isEqualTo("invalid configuration ID '-x'\n");
    }

    @Test
    void jsonArrayForAListFormatIsJoinedWithCommas() {
        assertThat(check("PUT", CONFIG, params("delete", List.of("net1", "ipconfig1")), true))
                .isEmpty();
        assertThat(check("PUT", CONFIG, params("delete", List.of("net1", "9x")), true))
                .containsExactlyEntriesOf(Map.of("delete", "invalid format - invalid configuration ID '9x'\n"));
    }

    @Test
    void tagList() {
        assertThat(check("PUT", CONFIG, params("tags", "nested-pve;Lab_1 x.y+z"), false))
                .isEmpty();
        assertThat(check("PUT", CONFIG, params("tags", "ok;-bad"), false))
                .containsExactlyEntriesOf(Map.of("tags", "invalid format - invalid characters in tag\n"));
    }

    @Test
    void userRealmTokenAndPool() {
        assertThat(error(V91, "pve-userid", "root@pam")).isNull();
        assertThat(error(V91, "pve-userid", "r@")).isEqualTo("user name 'r@' is too short\n");
        assertThat(error(V91, "pve-userid", "root")).isEqualTo("value 'root' does not look like a valid user name\n");
        assertThat(error(V91, "pve-tokenid", "ci@pve!nested")).isNull();
        assertThat(error(V91, "pve-tokenid", "ci@pve"))
                .isEqualTo("value 'ci@pve' does not look like a valid token ID\n");
        assertThat(error(V91, "pve-realm", "1pve")).isEqualTo("value does not look like a valid realm\n");
        assertThat(error(V91, "pve-poolid", "a/b/c")).isNull();
        assertThat(error(V91, "pve-poolid", "a/b/c/d"))
                .isEqualTo("pool name 'a/b/c/d' nested too deeply (max levels = 3)\n");
        assertThat(error(V91, "pve-poolid", "a b")).isEqualTo("pool name 'a b' contains invalid characters\n");
    }

    @Test
    void privilegesDifferBetweenVersions() {
        assertThat(error(V91, "pve-priv-list", "VM.Audit,VM.GuestAgent.Audit")).isNull();
        assertThat(error(V84, "pve-priv-list", "VM.Audit,VM.GuestAgent.Audit"))
                .isEqualTo("invalid privilege 'VM.GuestAgent.Audit'\n");
        assertThat(error(V84, "pve-priv", "VM.Monitor")).isNull();
        assertThat(error(V91, "pve-priv", "VM.Monitor")).isEqualTo("invalid privilege 'VM.Monitor'\n");
    }

    @Test
    void ipFormats() {
        assertThat(error(V91, "ipv4", "10.0.0.255")).isNull();
        assertThat(error(V91, "ipv4", "10.0.0.256")).isEqualTo("value does not look like a valid IPv4 address\n");
        assertThat(error(V91, "ipv6", "fd00::1")).isNull();
        assertThat(error(V91, "ipv6", "::ffff:10.0.0.1")).isNull();
        assertThat(error(V91, "ipv6", "fd00:::1")).isEqualTo("value does not look like a valid IPv6 address\n");
        assertThat(error(V91, "ip", "fd00::1")).isNull();
        assertThat(error(V91, "ip", "host")).isEqualTo("value does not look like a valid IP address\n");
        assertThat(error(V91, "address", "pve1.lab")).isNull();
        assertThat(error(V91, "address", "a_b")).isEqualTo("value does not look like a valid address: a_b\n");
        assertThat(error(V91, "address-list", "10.0.0.1 fd00::53")).isNull();
    }

    @Test
    void cidrFormats() {
        assertThat(error(V91, "CIDR", "10.0.0.0/8")).isNull();
        assertThat(error(V91, "CIDR", "10.0.0.0/7")).isEqualTo("value does not look like a valid CIDR network\n");
        assertThat(error(V91, "CIDRv4", "10.0.0.0/33"))
                .isEqualTo("value does not look like a valid IPv4 CIDR network\n");
        assertThat(error(V91, "CIDRv6", "fd00::/64")).isNull();
        assertThat(error(V91, "pve-ipv4-config", "dhcp")).isNull();
        assertThat(error(V91, "pve-ipv6-config", "auto")).isNull();
        assertThat(error(V91, "pve-ipv4-config", "auto"))
                .isEqualTo("value does not look like a valid ipv4 network configuration\n");
    }

    @Test
    void macAddressMustBeUnicast() {
        assertThat(error(V91, "mac-addr", "BC:24:11:AA:BB:CC")).isNull();
        assertThat(error(V91, "mac-addr", "01:24:11:AA:BB:CC"))
                .isEqualTo("value does not look like a valid unicast MAC address\n");
    }

    @Test
    void diskSizeStartupOrderAndBridge() {
        assertThat(error(V91, "disk-size", "32G")).isNull();
        assertThat(error(V91, "disk-size", "1.5TiB")).isNull();
        assertThat(error(V91, "disk-size", "32GB")).isEqualTo("value does not look like a valid disk size: 32GB\n");
        assertThat(error(V91, "pve-startup-order", "order=1,up=30,down=60")).isNull();
        assertThat(error(V91, "pve-startup-order", "first")).isEqualTo("unable to parse startup options\n");
        assertThat(error(V91, "pve-bridge-id", "vmbr0")).isNull();
        assertThat(error(V91, "pve-bridge-id", "vmbr 0")).isEqualTo("invalid bridge ID 'vmbr 0'\n");
    }

    @Test
    void guestFormats() {
        assertThat(error(V91, "pve-volume-id-or-qm-path", "local-lvm:vm-100-disk-0"))
                .isNull();
        assertThat(error(V91, "pve-volume-id-or-qm-path", "/dev/sdb")).isNull();
        assertThat(error(V91, "pve-volume-id-or-qm-path", "cdrom")).isNull();
        assertThat(error(V91, "pve-volume-id", "nocolon")).isEqualTo("unable to parse volume ID 'nocolon'\n");
        assertThat(error(V91, "pve-cpuset", "0-3,5")).isNull();
        assertThat(error(V91, "pve-cpuset", "3-1")).isEqualTo("unable to parse cpuset option\n");
        assertThat(error(V91, "pve-hotplug-features", "network,disk,usb")).isNull();
        assertThat(error(V91, "pve-hotplug-features", "network,gpu")).isEqualTo("invalid hotplug feature 'gpu'\n");
        assertThat(error(V91, "pve-qm-bootdisk", "scsi0")).isNull();
        assertThat(error(V91, "pve-qm-bootdisk", "scsi31")).isEqualTo("invalid boot disk 'scsi31'\n");
        assertThat(error(V91, "pve-storage-content-list", "images,iso")).isNull();
        assertThat(error(V91, "pve-storage-content", "disk")).isEqualTo("invalid content type 'disk'\n");
    }

    @Test
    void storagePairErrorKeepsPvesStackedNewlines() {
        assertThat(error(V91, "storage-pair-list", "local:local-lvm,1")).isNull();
        assertThat(error(V91, "storage-pair-list", "local:9x"))
                .isEqualTo("entry 'local:9x' contains invalid ID - storage ID '9x' contains illegal characters\n\n\n");
    }

    @Test
    void optFormatChecksOnlyTrueValues() {
        FormatRef opt = V91.resolve("pve-vmid-opt");
        assertThatCode(() -> FormatCheck.check(opt, "", "p", Dialect.PVE9)).doesNotThrowAnyException();
        assertThatThrownBy(() -> FormatCheck.check(opt, "5", "p", Dialect.PVE9)).isInstanceOf(FormatException.class);
    }

    @Test
    void unknownFormatIsAcceptedAndReported() {
        assertThat(V91.resolve("pve-fw-addr-spec").implemented()).isFalse();
        assertThat(error(V91, "pve-fw-addr-spec", "anything at all")).isNull();
    }
}
