/**
 * The Jenkins side of nested-pve: global configuration of PVE hosts, credentials by id, form validation, and the
 * Jenkins triggers of the core's lease rules (run listener, periodic reaper, startup reconciliation) on the core's
 * lease store in {@code $JENKINS_HOME/nested-pve}. A thin adapter: the work is done by {@code
 * io.jenkins.plugins.nestedpve} core.
 *
 * <p>Every call into the running Jenkins that form handlers and lease handling make goes through a small
 * interface ({@link io.jenkins.plugins.nestedpve.plugin.PermissionChecker},
 * {@link io.jenkins.plugins.nestedpve.plugin.ValidationRenderer},
 * {@link io.jenkins.plugins.nestedpve.plugin.CredentialsListing},
 * {@link io.jenkins.plugins.nestedpve.plugin.CredentialsLookup},
 * {@link io.jenkins.plugins.nestedpve.plugin.SecretReader},
 * {@link io.jenkins.plugins.nestedpve.plugin.ConnectionTester},
 * {@link io.jenkins.plugins.nestedpve.plugin.BuildLiveness}) whose default delegates to Jenkins, so the logic
 * is unit-tested without a Jenkins instance.
 */
package io.jenkins.plugins.nestedpve.plugin;
