/**
 * Placement of the guests across the nodes of a physical PVE cluster: which node each guest goes to
 * ({@link io.jenkins.plugins.nestedpve.placement.PlacementPlanner}), decided and checked against the
 * host before anything is cloned ({@link io.jenkins.plugins.nestedpve.placement.PlacementCheck}).
 */
package io.jenkins.plugins.nestedpve.placement;
