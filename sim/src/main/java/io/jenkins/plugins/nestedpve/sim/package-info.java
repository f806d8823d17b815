/** A simulated Proxmox VE host and its nested guests, behind real HTTPS and SSH. */
package io.jenkins.plugins.nestedpve.sim;
