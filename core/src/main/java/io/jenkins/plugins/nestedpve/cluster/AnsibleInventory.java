package io.jenkins.plugins.nestedpve.cluster;

/** Renders {@link NestedCluster#ansibleInventory()}. */
final class AnsibleInventory {
    static final String GROUP = "nested_pve";

    private AnsibleInventory() {}

    static String render(NestedCluster c) {
        StringBuilder s = new StringBuilder();
        s.append("# nested-pve cluster ")
                .append(c.name())
                .append(", lease ")
                .append(c.lease())
                .append(" (generated; passwords are not stored here)\n");
        s.append('[').append(GROUP).append("]\n");
        for (NestedNode n : c.nodes()) {
            s.append(n.name())
                    .append(" ansible_host=")
                    .append(n.address())
                    .append(" ansible_port=")
                    .append(n.sshPort())
                    .append(" ansible_user=root")
                    .append(" pve_vmid=")
                    .append(n.vmid());
            if (n.apiFingerprint() != null) {
                s.append(" pve_fingerprint=").append(n.apiFingerprint());
            }
            if (n.sshHostKeyFingerprint() != null) {
                s.append(" pve_ssh_host_key=").append(n.sshHostKeyFingerprint());
            }
            s.append('\n');
        }
        String group = clusterGroup(c.name());
        if (!group.equals(GROUP)) {
            s.append('\n').append('[').append(group).append("]\n");
            c.nodes().forEach(n -> s.append(n.name()).append('\n'));
        }
        s.append('\n').append('[').append(GROUP).append(":vars]\n");
        s.append("pve_cluster=").append(c.name()).append('\n');
        s.append("pve_nesting=").append(c.nesting().label()).append('\n');
        return s.toString();
    }

    /** The cluster's group name: letters, digits and {@code _}, not starting with a digit. */
    static String clusterGroup(String clusterName) {
        String g = clusterName.replaceAll("[^A-Za-z0-9_]", "_");
        return Character.isDigit(g.charAt(0)) ? "np_" + g : g;
    }
}
