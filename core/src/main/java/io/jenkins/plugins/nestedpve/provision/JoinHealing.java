package io.jenkins.plugins.nestedpve.provision;

import io.jenkins.plugins.nestedpve.NestedPveException;
import io.jenkins.plugins.nestedpve.ssh.ExecResult;
import io.jenkins.plugins.nestedpve.ssh.ShellQuote;
import java.time.Duration;

/**
 * Heals a failed join (a task error, or a join that did not end in time), as the PVE docs describe for
 * a half-finished join (pve-facts §14): the failed guest is destroyed first (its marker checked, {@link
 * Replacements}: a node must be off before it is deleted), then removed from the cluster with {@code
 * pvecm delnode <name>} on node 1 — after {@code pvecm expected <online votes>} when the half-joined
 * node took the quorum away (a one-node cluster that added a node expects 2 votes) — and its directory
 * under {@code /etc/pve/nodes} removed. The caller then builds a fresh clone under a new VMID, which
 * joins when it is ready. Counted against the cluster's replacement budget; when the budget is spent or
 * the node may not be replaced, the join's failure stands.
 */
final class JoinHealing {
    /** delnode when the join failed before the cluster added the node (ClusterConfig.pm delnode). */
    static final String NOT_A_MEMBER = "is not a known host of the cluster";

    /** delnode (and every cluster write) on a member without quorum (Cluster.pm check_cfs_quorum). */
    static final String NO_QUORUM = "cluster not ready - no quorum?";

    private final RunContext run;
    private final Replacements replacements;
    private final GuestAccess access;
    private final Duration commandTimeout;

    /**
     * @param access node 1's shell: {@code pvecm delnode} and {@code pvecm expected} run again on a new
     *     connection after a drop (a repeated delnode answers {@value #NOT_A_MEMBER}, which counts as removed;
     *     {@code expected} sets a value)
     */
    JoinHealing(RunContext run, Replacements replacements, GuestAccess access, Duration commandTimeout) {
        this.run = run;
        this.replacements = replacements;
        this.access = access;
        this.commandTimeout = commandTimeout;
    }

    /**
     * Destroys {@code failed} and removes it from the cluster of {@code member} (node 1), whose cluster
     * has {@code onlineVotes} healthy members; returns normally when the caller may clone it afresh.
     *
     * @throws ProvisioningException {@code failure}, when the node is not replaced (budget spent, not
     *     replaceable, not destroyed) or could not be removed from the cluster
     */
    void heal(IdentifiedGuest failed, IdentifiedGuest member, int onlineVotes, ProvisioningException failure) {
        if (!replacements.replace(failed.slot(), failure)) {
            throw failure;
        }
        try {
            removeFromCluster(failed.name(), member, onlineVotes);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            throw failure;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.addSuppressed(e);
            throw failure;
        }
    }

    private void removeFromCluster(String name, IdentifiedGuest member, int onlineVotes) throws InterruptedException {
        ExecResult r = delnode(name, member);
        if (!r.ok() && r.stderr().contains(NO_QUORUM)) {
            // the half-joined node counts as expected: tell corosync how many votes are really there
            expect(member, onlineVotes);
            r = delnode(name, member);
        }
        if (!r.ok() && r.stderr().contains(NOT_A_MEMBER)) {
            run.info(name + " was not added to the cluster by its failed join; nothing to remove on " + member.name());
            return;
        }
        if (!r.ok()) {
            throw new NestedPveException(
                    "could not remove the half-joined " + name + " from the cluster: `pvecm delnode "
                            + name + "` on " + member.name() + " exited " + r.exitCode() + ": " + r.tail(3)
                            + " — run it there by hand (pve-docs: Remove a Cluster Node)");
        }
        access.shell(member.ssh())
                .runIdempotent(ShellQuote.command("rm", "-rf", "/etc/pve/nodes/" + name), commandTimeout);
        run.info("removed the half-joined " + name + " from the cluster on " + member.name() + " (pvecm delnode)");
    }

    private ExecResult delnode(String name, IdentifiedGuest member) throws InterruptedException {
        return access.shell(member.ssh()).runIdempotent(ShellQuote.command("pvecm", "delnode", name), commandTimeout);
    }

    private void expect(IdentifiedGuest member, int votes) throws InterruptedException {
        ExecResult r = access.shell(member.ssh())
                .runIdempotent(ShellQuote.command("pvecm", "expected", Integer.toString(votes)), commandTimeout);
        if (!r.ok()) {
            throw new NestedPveException("`pvecm expected " + votes + "` on " + member.name() + " exited "
                    + r.exitCode() + ": " + r.tail(3) + " — the cluster has no quorum; check corosync there");
        }
    }
}
