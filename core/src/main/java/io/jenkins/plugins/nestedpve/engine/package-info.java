/**
 * The facade the CLI and the Jenkins plugin call: {@link
 * io.jenkins.plugins.nestedpve.engine.NestedPveEngine} provisions nested PVE clusters (package
 * {@code provision}), tears them down (package {@code teardown}) and reaps what was left behind
 * (package {@code reap}). Only VMs carrying this installation's ownership marker are ever
 * destroyed.
 */
package io.jenkins.plugins.nestedpve.engine;
