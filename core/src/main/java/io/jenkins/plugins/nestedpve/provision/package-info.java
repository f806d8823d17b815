/**
 * Provisioning as a pipeline of typed phases (DESIGN.md "Provisioning phases"), read top to bottom
 * in {@link io.jenkins.plugins.nestedpve.provision.Provisioner}. Each phase is one unit that takes
 * the record the phase before gave and returns the next; each record's javadoc says what its
 * phase guarantees:
 *
 * <pre>
 * ValidatePhase  → Validated        (VALIDATE, PREFLIGHT)            cluster-wide
 * ClonePhase     → ClonedGuest      (CLONE)                          per guest, in parallel
 * BootPhase      → BootedGuest      (CONFIGURE, START)               per guest
 * ReachPhase     → ReachableGuest   (ADDRESS, SSH)                   per guest
 * IdentifyPhase  → IdentifiedGuest  (IDENTITY, NESTING_CHECK)        per guest
 * ClusterPhase   → ClusteredGuests  (CLUSTER_CREATE, JOIN, QUORUM)   cluster-wide, pipelined
 * ReadyPhase     → NestedCluster    (SMOKE_CHECK, READY)             cluster-wide
 * </pre>
 *
 * <p>{@link io.jenkins.plugins.nestedpve.provision.PhaseRunner} reports each phase's start and end
 * and checks cancellation and the overall deadline; {@link
 * io.jenkins.plugins.nestedpve.provision.ParallelGuests} runs the per-guest phases on one thread
 * per guest and hands each guest on when it is identified: the cluster phase creates the cluster on
 * node 1 as soon as node 1 is ready and joins each other node as soon as it is, one at a time ({@code
 * JoinHealing} replaces a node whose join failed). What a provisioning opened and created is noted in its {@code Footprint}, from which
 * {@code AfterFailure} cleans up on failure, cancellation or interrupt.
 *
 * <p>PVE behaviour relied on is described in {@code pve-facts.md} (cited as §n).
 */
package io.jenkins.plugins.nestedpve.provision;
