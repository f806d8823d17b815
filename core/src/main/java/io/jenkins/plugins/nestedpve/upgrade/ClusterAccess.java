package io.jenkins.plugins.nestedpve.upgrade;

import io.jenkins.plugins.nestedpve.cluster.NestedNode;
import io.jenkins.plugins.nestedpve.wait.Deadline;

/** How a trial reaches the nodes; the real one is {@link RemoteAccess}, tests use fakes. */
interface ClusterAccess {
    /**
     * A root shell on {@code node}, its host key pinned to {@link NestedNode#sshHostKeyFingerprint()};
     * refused connections are retried until {@code deadline}.
     */
    NodeShell shell(NestedNode node, Deadline deadline) throws InterruptedException;

    /** One connection attempt, for polling during a reboot; empty when the node does not answer. */
    java.util.Optional<NodeShell> tryShell(NestedNode node) throws InterruptedException;

    /** {@code node}'s API as root@pam, pinned to {@link NestedNode#apiFingerprint()}. */
    NodeApi api(NestedNode node);
}
