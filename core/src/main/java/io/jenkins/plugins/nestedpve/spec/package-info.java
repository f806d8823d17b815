/**
 * What cluster to build and every rule about it, each written once: {@link
 * io.jenkins.plugins.nestedpve.spec.ClusterSpec} (one record; {@link
 * io.jenkins.plugins.nestedpve.spec.ClusterSpecBuilder} sets its fields by name), {@link
 * io.jenkins.plugins.nestedpve.spec.SpecRules} (bounds, names, template reference, durations, VMID range), {@link
 * io.jenkins.plugins.nestedpve.spec.HostRules} (the host's URL, node and pins), {@link
 * io.jenkins.plugins.nestedpve.spec.AddressingRules} (the static pool, the one prefix rule) and PVE's name formats
 * in {@link io.jenkins.plugins.nestedpve.spec.Names}. Each problem is a {@link
 * io.jenkins.plugins.nestedpve.spec.SpecProblem} naming its field and what to do. The builder, the spec file
 * reader ({@code spec.file}), the CLI and the Jenkins plugin's step and form checks all ask these rules.
 *
 * <p>PVE behaviour relied on is described in {@code pve-facts.md} (cited as §n).
 */
package io.jenkins.plugins.nestedpve.spec;
