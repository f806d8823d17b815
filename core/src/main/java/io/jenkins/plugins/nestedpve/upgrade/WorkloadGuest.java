package io.jenkins.plugins.nestedpve.upgrade;

/**
 * A guest the trial started to watch.
 *
 * @param type {@code qemu} or {@code lxc}
 * @param vmid its id
 * @param homeNode where it was started
 */
record WorkloadGuest(String type, int vmid, String homeNode) {
    String name() {
        return type + "/" + vmid;
    }
}
