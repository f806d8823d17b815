/** The handlers of every simulated PVE API endpoint, registered per machine by {@link io.jenkins.plugins.nestedpve.sim.api.Routes}. */
package io.jenkins.plugins.nestedpve.sim.api;
