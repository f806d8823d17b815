/**
 * The installation's record of what it made: the {@link io.jenkins.plugins.nestedpve.ledger.Ledger} of
 * created and destroyed guest VMs and the leases that own them, kept in one JSON-lines file ({@link
 * io.jenkins.plugins.nestedpve.ledger.FileLedger}) that the CLI and the Jenkins plugin share in format.
 * Teardown, the reaper and the safety nets read it back after a crash or a restart.
 */
package io.jenkins.plugins.nestedpve.ledger;
