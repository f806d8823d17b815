package io.jenkins.plugins.nestedpve.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.nestedpve.sim.SimClient.Response;
import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the tool does to guests, done through the host's API (clone, config, start, agent exec). */
final class GuestOps {
    static final Duration WAIT = Duration.ofSeconds(30);

    private final Simulator sim;
    private final SimClient api;
    private final String node;

    GuestOps(Simulator sim) {
        this.sim = sim;
        this.api = SimClient.token(sim);
        this.node = sim.hostNode();
    }

    SimClient api() {
        return api;
    }

    /** Clone, configure (static address, cpu host), start, wait for the guest OS. */
    PveMachine boot(int vmid, String ip) throws Exception {
        Response c = api.post("/nodes/" + node + "/qemu/9000/clone", Map.of("newid", Integer.toString(vmid)));
        assertThat(sim.awaitTask(c.data().asText(), WAIT)).isEqualTo("OK");
        Map<String, String> cfg = new LinkedHashMap<>();
        cfg.put("cpu", "host");
        if (ip != null) {
            cfg.put("ipconfig0", "ip=" + ip + "/24,gw=" + sim.hostAddress());
        }
        assertThat(api.put("/nodes/" + node + "/qemu/" + vmid + "/config", cfg).status())
                .isEqualTo(200);
        Response s = api.post("/nodes/" + node + "/qemu/" + vmid + "/status/start", Map.of());
        assertThat(sim.awaitTask(s.data().asText(), WAIT)).isEqualTo("OK");
        return sim.awaitGuest(vmid, WAIT);
    }

    /** Runs a script in the guest through the agent; returns exit-status data once exited. */
    JsonNode exec(int vmid, String script) throws Exception {
        Map<String, Object> body = Map.of("command", List.of("bash", "-c", script));
        Response r = api.postJson("/nodes/" + node + "/qemu/" + vmid + "/agent/exec", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        String pid = r.data().path("pid").asText();
        JsonNode[] last = new JsonNode[1];
        sim.await(
                () -> {
                    last[0] = api.get("/nodes/" + node + "/qemu/" + vmid + "/agent/exec-status", Map.of("pid", pid))
                            .data();
                    return last[0].path("exited").asInt() == 1;
                },
                WAIT,
                "agent exec " + pid + " on VM " + vmid + " exits");
        return last[0];
    }

    /** Gives a guest its own identity: hostname, /etc/hosts on its address, a new node certificate. */
    void rename(int vmid, PveMachine guest, String name) throws Exception {
        String script = "hostnamectl set-hostname " + name + " && printf '127.0.0.1 localhost\\n" + guest.ip() + " "
                + name + ".lab.local " + name + "\\n' > /etc/hosts && pvecm updatecerts --force"
                + " && systemctl restart pveproxy";
        JsonNode st = exec(vmid, script);
        assertThat(st.path("exitcode").asInt()).as(st.toString()).isZero();
        // pveproxy restarts: wait until it accepts connections again
        sim.await(() -> accepts(guest.ip(), sim.apiPort()), WAIT, "pveproxy on " + guest.ip() + " is back");
    }

    static boolean accepts(String ip, int port) {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress(ip, port), 200);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static SimClient root(Simulator sim, PveMachine guest) {
        return new SimClient(
                        guest.ip(), sim.apiPort(), guest.servedCertificate().fingerprint())
                .login("root@pam", sim.guestRootPassword());
    }
}
