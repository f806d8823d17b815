/**
 * APT on a simulated PVE machine: its sources in both formats (one-line {@code .list} files and
 * deb822 {@code .sources} files), the simulated Debian and Proxmox repositories, {@code apt-get
 * update}, {@code dist-upgrade}/{@code full-upgrade} with their conffile prompts, and {@code dpkg
 * --configure -a} (pve-facts §7, §13).
 */
package io.jenkins.plugins.nestedpve.sim.apt;
