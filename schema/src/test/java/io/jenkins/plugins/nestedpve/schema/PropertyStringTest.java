package io.jenkins.plugins.nestedpve.schema;

import static io.jenkins.plugins.nestedpve.schema.Schemas.check;
import static io.jenkins.plugins.nestedpve.schema.Schemas.params;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PropertyStringTest {
    private static final String CONFIG = "/nodes/pve1/qemu/100/config";
    private static final String MODELS = "e1000, e1000-82540em, e1000-82544gc, e1000-82545em, e1000e, i82551, i82557b,"
            + " i82559er, ne2k_isa, ne2k_pci, pcnet, rtl8139, virtio, vmxnet3";

    private static Map<String, String> config(String key, String value) {
        return check("PUT", CONFIG, params(key, value), false);
    }

    private static Map<String, String> config84(String key, String value) {
        return check(Schemas.v84(), "PUT", CONFIG, params(key, value), false);
    }

    @Test
    void netWithDefaultKeyModelAndOptions() {
        assertThat(config("net0", "virtio,bridge=vmbr0,tag=10,firewall=1")).isEmpty();
        assertThat(config("net0", "model=e1000,bridge=vmbr1")).isEmpty();
    }

    @Test
    void netModelAsKeyCarriesTheMacAddress() {
        assertThat(config("net0", "virtio=BC:24:11:AA:BB:CC,bridge=vmbr0")).isEmpty();
        assertThat(config("net0", "virtio=01:24:11:AA:BB:CC"))
                .containsExactlyEntriesOf(
                        Map.of(
                                "net0",
                                "invalid format - format error\n"
                                        + "net0.macaddr: invalid format - value does not look like a valid unicast MAC address\n\n"));
    }

    @Test
    void netBadModel() {
        assertThat(config("net0", "virtio2,bridge=vmbr0"))
                .containsExactlyEntriesOf(Map.of(
                        "net0",
                        "invalid format - format error\n"
                                + "net0.model: value 'virtio2' does not have a value in the enumeration '" + MODELS
                                + "'\n"));
    }

    @Test
    void netBadBridge() {
        assertThat(config("net0", "virtio,bridge=vmbr/0"))
                .containsExactlyEntriesOf(Map.of(
                        "net0",
                        "invalid format - format error\n"
                                + "net0.bridge: invalid format - invalid bridge ID 'vmbr/0'\n\n"));
    }

    @Test
    void netBadTag() {
        assertThat(config("net0", "virtio,bridge=vmbr0,tag=4095"))
                .containsExactlyEntriesOf(Map.of(
                        "net0",
                        "invalid format - format error\n" + "net0.tag: value must have a maximum value of 4094\n"));
        assertThat(config("net0", "virtio,bridge=vmbr0,tag=ten"))
                .containsExactlyEntriesOf(Map.of(
                        "net0",
                        "invalid format - format error\n" + "net0.tag: type check ('integer') failed - got 'ten'\n"));
    }

    @Test
    void missingRequiredSubKey() {
        assertThat(config("net0", "bridge=vmbr0"))
                .containsExactlyEntriesOf(Map.of(
                        "net0",
                        "invalid format - format error\n"
                                + "net0.model: property is missing and it is not optional\n"));
    }

    @Test
    void unknownSubKey() {
        assertThat(config("net0", "virtio,bridge=vmbr0,speed=10"))
                .containsExactlyEntriesOf(
                        Map.of("net0", "invalid format - invalid key in comma-separated list property: speed\n"));
    }

    @Test
    void duplicateKeysAndMissingKeys() {
        assertThat(config("net0", "virtio,e1000"))
                .containsEntry("net0", "invalid format - duplicate key in comma-separated list property: model\n");
        assertThat(config("net0", "virtio,bridge=vmbr0,bridge=vmbr1"))
                .containsEntry("net0", "invalid format - duplicate key in comma-separated list property: bridge\n");
        assertThat(config("net0", "model=virtio,e1000=BC:24:11:AA:BB:CC"))
                .containsEntry("net0", "invalid format - key alias 'model' is already defined\n");
        assertThat(config("net0", "virtio,bridge="))
                .containsEntry("net0", "invalid format - missing key in comma-separated list property\n");
        assertThat(config("ipconfig0", "dhcp"))
                .containsEntry(
                        "ipconfig0", "invalid format - value without key, but schema does not define a default key\n");
    }

    @Test
    void aliasConflictIsDetectedOnlyIn91() {
        String both = "macaddr=BC:24:11:AA:BB:CC,virtio=BC:24:11:AA:BB:CD";
        assertThat(config("net0", both))
                .containsEntry("net0", "invalid format - key 'macaddr' is already defined (via alias)\n");
        assertThat(config84("net0", both)).isEmpty();
    }

    @Test
    void booleanSubValuesAcceptPerlBooleanWords() {
        assertThat(config("net0", "virtio,bridge=vmbr0,firewall=yes,link_down=off"))
                .isEmpty();
        assertThat(config("net0", "virtio,bridge=vmbr0,firewall=maybe"))
                .containsEntry(
                        "net0",
                        "invalid format - format error\n"
                                + "net0.firewall: type check ('boolean') failed - got 'maybe'\n");
    }

    @Test
    void booleanDefaultKeyIsParsedOnlyIn91() {
        assertThat(config("agent", "yes")).isEmpty();
        assertThat(config84("agent", "yes"))
                .containsEntry(
                        "agent",
                        "invalid format - format error\n"
                                + "agent.enabled: type check ('boolean') failed - got 'yes'\n");
    }

    @Test
    void agentWithType() {
        assertThat(config("agent", "1,type=virtio,fstrim_cloned_disks=1")).isEmpty();
        assertThat(config("agent", "1,type=usb"))
                .containsEntry(
                        "agent",
                        "invalid format - format error\n"
                                + "agent.type: value 'usb' does not have a value in the enumeration 'virtio, isa'\n");
    }

    @Test
    void ipconfigGatewayNeedsAnAddress() {
        assertThat(config("ipconfig0", "ip=10.0.0.5/24,gw=10.0.0.1")).isEmpty();
        assertThat(config("ipconfig0", "ip=dhcp,ip6=auto")).isEmpty();
        assertThat(config("ipconfig0", "gw=10.0.0.1"))
                .containsExactlyEntriesOf(Map.of(
                        "ipconfig0",
                        "invalid format - format error\n"
                                + "ipconfig0.ip: missing property required by 'ipconfig0.gw'\n"));
        assertThat(config("ipconfig0", "ip=10.0.0.5/24,gw=10.0.0.256"))
                .containsExactlyEntriesOf(Map.of(
                        "ipconfig0",
                        "invalid format - format error\n"
                                + "ipconfig0.gw: invalid format - value does not look like a valid IPv4 address\n\n"));
    }

    @Test
    void memoryAsPlainNumberOrCurrent() {
        assertThat(config("memory", "4096")).isEmpty();
        assertThat(config("memory", "current=4096")).isEmpty();
        assertThat(config("memory", "8"))
                .containsEntry(
                        "memory",
                        "invalid format - format error\n" + "memory.current: value must have a minimum value of 16\n");
    }

    @Test
    void cpuHostAndModels() {
        assertThat(config("cpu", "host")).isEmpty();
        assertThat(config("cpu", "x86-64-v2-AES,flags=+aes;-pcid")).isEmpty();
        assertThat(config("cpu", "custom-mine")).isEmpty();
        assertThat(config("cpu", "hots"))
                .containsEntry(
                        "cpu", "invalid format - Built-in cputype 'hots' is not defined (missing 'custom-' prefix?)\n");
        assertThat(config("cpu", "flags=+aes")).containsEntry("cpu", "invalid format - CPU is missing cputype\n");
        assertThat(config("cpu", "host,reported-model=kvm64"))
                .containsEntry(
                        "cpu", "invalid format - Property 'reported-model' not allowed in VM-specific CPU config.\n");
    }

    @Test
    void nestedVirtFlagExistsOnlyIn91() {
        assertThat(config("cpu", "host,flags=+nested-virt")).isEmpty();
        assertThat(config84("cpu", "host,flags=+nested-virt"))
                .containsEntry(
                        "cpu",
                        "invalid format - VM-specific CPU flags must be a subset of: pcid, spec-ctrl,"
                                + " ibpb, ssbd, virt-ssbd, amd-ssbd, amd-no-ssb, pdpe1gb, md-clear, hv-tlbflush, hv-evmcs, aes\n");
    }

    @Test
    void diskWithStorageSizeAndImport() {
        assertThat(config("scsi0", "local-lvm:32")).isEmpty();
        assertThat(config("scsi1", "local-lvm:0,import-from=/var/lib/vz/images/x.qcow2,discard=on,ssd=1"))
                .isEmpty();
        assertThat(config("ide2", "local-lvm:cloudinit,media=cdrom")).isEmpty();
        assertThat(config("scsi0", "local-lvm:32,cache=fast")).containsKey("scsi0");
    }

    @Test
    void bootOrderNamesExistingDevices() {
        assertThat(config("boot", "order=scsi0;ide2;net0")).isEmpty();
        assertThat(config("boot", "order=scsi0;net32"))
                .containsEntry(
                        "boot",
                        "invalid format - format error\n"
                                + "boot.order: invalid format - invalid boot device 'net32'\n\n");
    }

    @Test
    void namedPropertyStringFormats() {
        assertThat(config("watchdog", "i6300esb,action=reset")).isEmpty();
        assertThat(config("rng0", "source=/dev/urandom,max_bytes=1024")).isEmpty();
        assertThat(config("smbios1", "uuid=5b4f4d30-4d2a-4a9e-9d2f-5f3b1e6b2c11"))
                .isEmpty();
        assertThat(config("cicustom", "user=local:snippets/user.yaml")).isEmpty();
        assertThat(config("hostpci0", "0000:01:00.0,pcie=1")).isEmpty();
        assertThat(config("cdrom", "none")).isEmpty();
        assertThat(config("rng0", "max_bytes=1024"))
                .containsEntry(
                        "rng0",
                        "invalid format - format error\n"
                                + "rng0.source: property is missing and it is not optional\n");
    }

    @Test
    void clusterLinksUpToLink7() {
        String path = "/cluster/config";
        assertThat(check(
                        "POST",
                        path,
                        params("clustername", "lab", "link0", "10.0.0.1", "link7", "address=10.1.0.1,priority=10"),
                        false))
                .isEmpty();
        assertThat(check("POST", path, params("clustername", "lab", "link8", "10.0.0.1"), false))
                .containsExactlyEntriesOf(Map.of("link8", Checker.NOT_DEFINED));
        assertThat(check("POST", path, params("clustername", "lab", "link0", "address=10.0.0.1,priority=256"), false))
                .containsEntry(
                        "link0",
                        "invalid format - format error\n" + "link0.priority: value must have a maximum value of 255\n");
    }
}
