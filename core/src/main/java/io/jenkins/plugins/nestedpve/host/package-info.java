/**
 * The physical host and nested virtualization: {@link
 * io.jenkins.plugins.nestedpve.host.NestingPreflight} checks (and under {@code enable} switches on)
 * the kvm module's {@code nested} parameter over SSH before anything is cloned; {@link
 * io.jenkins.plugins.nestedpve.host.GuestNestingCheck} verifies {@code vmx|svm} and {@code /dev/kvm}
 * inside each guest. Facts: pve-facts.md §6.
 */
package io.jenkins.plugins.nestedpve.host;
