/**
 * Reaping what was left behind: {@link io.jenkins.plugins.nestedpve.reap.Reaper} finds this
 * installation's expired and orphaned guests on a host ({@link
 * io.jenkins.plugins.nestedpve.reap.ReapRules} decides, {@link
 * io.jenkins.plugins.nestedpve.reap.ReapScope} bounds) and destroys them through the teardown.
 */
package io.jenkins.plugins.nestedpve.reap;
