/**
 * The simulated PVE world: machines ({@link io.jenkins.plugins.nestedpve.sim.model.PveMachine}),
 * their {@code /etc/pve} ({@link io.jenkins.plugins.nestedpve.sim.model.Pmxcfs}), VMs, tasks, locks,
 * users and privileges, guests booting into PVE nodes, and clusters. Free of protocol code: the
 * HTTPS and SSH faces are plugged in through {@link io.jenkins.plugins.nestedpve.sim.model.NodeServers}.
 */
package io.jenkins.plugins.nestedpve.sim.model;
