package io.jenkins.plugins.nestedpve.upgrade;

import io.jenkins.plugins.nestedpve.cluster.NestedCluster;
import io.jenkins.plugins.nestedpve.cluster.NestedNode;
import io.jenkins.plugins.nestedpve.pve.Fingerprint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The nodes as the trial knows them now: their pins (a certificate re-pinned after a reboot), which
 * are down for their reboot, and one API client per node. API calls go through a node that is up.
 * Thread-safe.
 */
final class Nodes implements AutoCloseable {
    private final ClusterAccess access;
    private final Map<String, NestedNode> current = new LinkedHashMap<>();
    private final Map<String, NodeApi> apis = new LinkedHashMap<>();
    private final Set<String> down = ConcurrentHashMap.newKeySet();
    private final Set<String> busy = ConcurrentHashMap.newKeySet();

    Nodes(NestedCluster cluster, ClusterAccess access) {
        this.access = access;
        cluster.nodes().forEach(n -> current.put(n.name(), n));
    }

    synchronized List<String> names() {
        return new ArrayList<>(current.keySet());
    }

    synchronized NestedNode node(String name) {
        return current.get(name);
    }

    /** The API of {@code name} itself. */
    synchronized NodeApi apiOf(String name) {
        return apis.computeIfAbsent(name, n -> access.api(current.get(n)));
    }

    /**
     * The API of the first node that is neither down for its reboot nor busy upgrading (its pveproxy
     * restarts during the upgrade); of the first node that is not down when all are busy.
     */
    NodeApi api() {
        for (String n : names()) {
            if (!down.contains(n) && !busy.contains(n)) {
                return apiOf(n);
            }
        }
        for (String n : names()) {
            if (!down.contains(n)) {
                return apiOf(n);
            }
        }
        return apiOf(names().get(0));
    }

    /** {@code name}'s packages are being upgraded: ask other nodes while it is. */
    void markBusy(String name) {
        busy.add(name);
    }

    void markIdle(String name) {
        busy.remove(name);
    }

    void markDown(String name) {
        down.add(name);
    }

    boolean isDown(String name) {
        return down.contains(name);
    }

    void markUp(String name) {
        down.remove(name);
    }

    /** Pins {@code name}'s API to {@code fingerprint} from now on (read over its pinned SSH session). */
    synchronized void repin(String name, Fingerprint fingerprint) {
        current.put(name, current.get(name).withApiFingerprint(fingerprint.value()));
        NodeApi old = apis.remove(name);
        if (old != null) {
            old.close();
        }
    }

    /** The nodes with their current pins, in order. */
    synchronized List<NestedNode> all() {
        return List.copyOf(current.values());
    }

    @Override
    public synchronized void close() {
        apis.values().forEach(NodeApi::close);
        apis.clear();
    }
}
