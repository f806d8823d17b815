package io.jenkins.plugins.nestedpve.sim.api;

import io.jenkins.plugins.nestedpve.sim.apt.NodeApt;
import io.jenkins.plugins.nestedpve.sim.http.ApiException;
import io.jenkins.plugins.nestedpve.sim.http.ApiRequest;
import io.jenkins.plugins.nestedpve.sim.model.Perms;
import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code POST /nodes/{node}/status} (reboot) and {@code /nodes/{node}/apt/update|versions} (pve-facts
 * §13.1; pve-manager:PVE/API2/Nodes.pm, APT.pm).
 */
final class NodeAptApi {
    /** The least real time between the answer and the reboot. */
    static final Duration ANSWER_FIRST = Duration.ofMillis(100);

    private final PveMachine self;

    NodeAptApi(PveMachine self) {
        this.self = self;
    }

    void register(Registrar r) {
        r.add("POST", "/nodes/{node}/status", NodeRouting.on(self, this::power));
        r.add("POST", "/nodes/{node}/apt/update", NodeRouting.on(self, (m, req) -> {
            require(m, req, "Sys.Modify");
            return m.tasks()
                    .start(m.nodeName(), "aptupdate", "", req.principal().fullId(), t -> new NodeApt(m).update(t))
                    .upid()
                    .toString();
        }));
        r.add("GET", "/nodes/{node}/apt/update", NodeRouting.on(self, (m, req) -> {
            require(m, req, "Sys.Modify");
            return new NodeApt(m).updates();
        }));
        r.add("GET", "/nodes/{node}/apt/versions", NodeRouting.on(self, (m, req) -> {
            require(m, req, "Sys.Audit");
            return new NodeApt(m).versions();
        }));
    }

    private static void require(PveMachine m, ApiRequest req, String priv) {
        new Perms(m.pmxcfs().users()).require(req.principal(), "/nodes/" + m.nodeName(), priv);
    }

    /**
     * {@code command=reboot}: answered, then the node reboots: pve-manager runs {@code (sleep
     * 2;/sbin/reboot)&} and returns (PVE/API2/Nodes.pm, {@code node_cmd}). The 2 s are scaled, at
     * least {@link #ANSWER_FIRST}, so the answer leaves before the servers go down.
     */
    private Object power(PveMachine m, ApiRequest req) {
        require(m, req, "Sys.PowerMgmt");
        if (!"reboot".equals(req.param("command"))) {
            throw new ApiException(
                    501, "Method 'POST /nodes/{node}/status' with command=shutdown not implemented", Map.of());
        }
        long delay = Math.max(
                ANSWER_FIRST.toNanos(),
                m.env().latency().scale(Duration.ofSeconds(2)).toNanos());
        m.env().scheduler().schedule(m::reboot, delay, TimeUnit.NANOSECONDS);
        return null;
    }
}
