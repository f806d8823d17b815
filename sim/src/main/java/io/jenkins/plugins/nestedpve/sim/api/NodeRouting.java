package io.jenkins.plugins.nestedpve.sim.api;

import io.jenkins.plugins.nestedpve.sim.http.ApiException;
import io.jenkins.plugins.nestedpve.sim.http.ApiHandler;
import io.jenkins.plugins.nestedpve.sim.http.ApiRequest;
import io.jenkins.plugins.nestedpve.sim.model.Corosync;
import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import java.util.Optional;

/**
 * Resolves the {@code {node}} of a request: this node, or another cluster member to which PVE would
 * proxy the call (pve-facts §1.3: unreachable members answer 595).
 */
final class NodeRouting {
    /** A handler that works on the machine the request's node names. */
    @FunctionalInterface
    interface NodeHandler {
        Object handle(PveMachine node, ApiRequest request) throws InterruptedException;
    }

    private NodeRouting() {}

    static ApiHandler on(PveMachine self, NodeHandler h) {
        return r -> h.handle(target(self, r.param("node")), r);
    }

    static PveMachine target(PveMachine self, String node) {
        if (node == null || node.equals(self.nodeName()) || node.equals("localhost")) {
            return self;
        }
        Optional<Corosync.Member> member = self.pmxcfs().corosync().flatMap(c -> c.member(node));
        if (member.isEmpty()) {
            throw ApiException.die("hostname lookup '" + node + "' failed - failed to get address info for: " + node
                    + ": Name or service not known");
        }
        Optional<PveMachine> other = self.env()
                .lan()
                .machine(member.get().ring0Addr())
                .filter(m -> m.isUp() && m.nodeName().equals(node));
        if (other.isEmpty()) {
            throw new ApiException(595, "Connection refused", java.util.Map.of());
        }
        return other.get();
    }
}
