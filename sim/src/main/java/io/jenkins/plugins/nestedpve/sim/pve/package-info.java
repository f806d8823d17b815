/** PVE's command-line tools ({@code pvecm}, {@code pveversion}, {@code qm}, {@code pve8to9}) for the simulated shell. */
package io.jenkins.plugins.nestedpve.sim.pve;
