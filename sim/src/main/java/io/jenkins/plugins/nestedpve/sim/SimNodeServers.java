package io.jenkins.plugins.nestedpve.sim;

import io.jenkins.plugins.nestedpve.sim.LatencyProfile.Step;
import io.jenkins.plugins.nestedpve.sim.api.Routes;
import io.jenkins.plugins.nestedpve.sim.http.ApiException;
import io.jenkins.plugins.nestedpve.sim.http.ApiRequest;
import io.jenkins.plugins.nestedpve.sim.http.ApiServer;
import io.jenkins.plugins.nestedpve.sim.http.FaultHook;
import io.jenkins.plugins.nestedpve.sim.http.RequestLog;
import io.jenkins.plugins.nestedpve.sim.model.NodeServers;
import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import io.jenkins.plugins.nestedpve.sim.tls.TlsIdentity;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;

/** The API server (and SSH server) of one simulated machine. */
final class SimNodeServers implements NodeServers {
    /** Creates SSH servers; absent until an SSH implementation is plugged in. */
    interface SshFactory {
        SshEndpoint start(PveMachine machine, String ip, int port) throws IOException;
    }

    /** A running SSH daemon. */
    interface SshEndpoint extends AutoCloseable {
        int port();

        void restart() throws IOException;

        @Override
        void close();
    }

    private final PveMachine machine;
    private final RequestLog log;
    private final int apiPort;
    private final int sshPort;
    private final SshFactory ssh;
    private ApiServer api;
    private SshEndpoint sshd;

    SimNodeServers(PveMachine machine, RequestLog log, int apiPort, int sshPort, SshFactory ssh) {
        this.machine = machine;
        this.log = log;
        this.apiPort = apiPort;
        this.sshPort = sshPort;
        this.ssh = ssh;
    }

    @Override
    public synchronized void start(String ip) throws IOException {
        close();
        ApiServer s = ApiServer.builder()
                .bind(InetAddress.getByName(ip), apiPort)
                .tls(machine.servedCertificate())
                .auth(machine)
                .schema(machine.env().schema(machine.version().schemaRelease()).orElse(null))
                .clock(machine.env().clock())
                .authFailureDelay(machine.env().latency().of(Step.AUTH_FAILURE_DELAY))
                .requestLog(log)
                .faultHook(faultHook())
                .build();
        Routes.register(machine, s::route);
        try {
            s.start();
        } catch (RuntimeException e) {
            s.close();
            throw new IOException("cannot bind the API of " + machine.nodeName() + " to " + ip + ":" + apiPort, e);
        }
        api = s;
        if (ssh != null) {
            try {
                sshd = ssh.start(machine, ip, sshPort);
            } catch (IOException | RuntimeException e) {
                s.close();
                api = null;
                throw e;
            }
        }
    }

    private FaultHook faultHook() {
        return new FaultHook() {
            @Override
            public Optional<ApiException> check(ApiRequest req) {
                return machine.env().faults().apiFault(req.method(), req.path()).map(SimNodeServers::asError);
            }

            @Override
            public Optional<ApiException> afterHandler(ApiRequest req) {
                return machine.env()
                        .faults()
                        .apiFaultAfterHandler(req.method(), req.path())
                        .map(SimNodeServers::asError);
            }
        };
    }

    private static ApiException asError(FaultPlan.ApiFault f) {
        return new ApiException(f.status(), f.message(), Map.of());
    }

    @Override
    public synchronized void setTls(TlsIdentity id) {
        if (api != null) {
            api.setTls(id);
        }
    }

    @Override
    public synchronized void setApiAvailable(boolean available) {
        if (api != null) {
            api.setAvailable(available);
        }
    }

    @Override
    public synchronized void reloadSchema() {
        if (api != null) {
            api.setSchema(
                    machine.env().schema(machine.version().schemaRelease()).orElse(null));
        }
    }

    @Override
    public synchronized void restartSsh() {
        if (sshd != null) {
            try {
                sshd.restart();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Override
    public synchronized int apiPort() {
        return api == null ? apiPort : api.port();
    }

    @Override
    public synchronized int sshPort() {
        return sshd == null ? sshPort : sshd.port();
    }

    @Override
    public synchronized void close() {
        if (sshd != null) {
            sshd.close();
            sshd = null;
        }
        if (api != null) {
            api.close();
            api = null;
        }
    }
}
