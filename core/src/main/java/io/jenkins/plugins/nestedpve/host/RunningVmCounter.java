package io.jenkins.plugins.nestedpve.host;

/**
 * Counts the VMs running on the physical host, so that the kvm module is reloaded only when
 * nothing uses it. The provisioner implements it with the PVE API ({@code status/current}).
 */
@FunctionalInterface
public interface RunningVmCounter {
    int runningVms() throws InterruptedException;
}
