/**
 * What the CLI and the Jenkins plugin both wire the same way: an installation's directory with its id, its
 * ledger and leases ({@link io.jenkins.plugins.nestedpve.install.InstallationHome}), and the engine context made
 * from them.
 */
package io.jenkins.plugins.nestedpve.install;
