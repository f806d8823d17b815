/**
 * Progress events of provisioning and teardown: {@link
 * io.jenkins.plugins.nestedpve.events.ProgressListener} (phase started/finished per node, messages),
 * the {@link io.jenkins.plugins.nestedpve.events.Phase} order, a recording {@link
 * io.jenkins.plugins.nestedpve.events.Timeline} that renders a per-node, per-phase table, and
 * {@link io.jenkins.plugins.nestedpve.events.PhaseRun} to report one phase with try-with-resources.
 *
 * <p>Listeners are observers: an exception thrown by a listener never breaks provisioning (see
 * {@link io.jenkins.plugins.nestedpve.events.ProgressListener#safe(ProgressListener)}).
 */
package io.jenkins.plugins.nestedpve.events;
