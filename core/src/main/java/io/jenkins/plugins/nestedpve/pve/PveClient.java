package io.jenkins.plugins.nestedpve.pve;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.nestedpve.NestedPveException;
import io.jenkins.plugins.nestedpve.wait.Backoff;
import io.jenkins.plugins.nestedpve.wait.Sleeper;
import io.jenkins.plugins.nestedpve.wait.Waiter;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client for one PVE API endpoint ({@code https://HOST:8006/api2/json}), with typed methods for
 * every call the tool makes. Thread-safe; close it when done (closing twice is harmless).
 *
 * <p>Calls that start work return the task's {@link Upid}; wait for it with {@link #tasks()}. Errors
 * are unchecked: {@link PveApiException} and its subclasses for PVE's answers, {@link
 * PveTransportException} when no answer came, {@link PveAmbiguousOutcomeException} when a
 * non-idempotent request may or may not have been processed (it is never re-sent), {@link
 * FingerprintMismatchException} when the server is not the pinned one, {@link
 * PveInterruptedException} when interrupted (flag restored). Retries follow {@link RetryPolicy}.
 */
public final class PveClient implements AutoCloseable {
    /** Receives one trace per HTTP exchange (for a verbose log); must not block. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = trace -> {};

        void onRequest(RequestTrace trace);
    }

    private final PveEndpoint endpoint;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RetryPolicy retry;
    private final Backoff taskPoll;
    private final Listener listener;
    private final PveHttp http;
    private final Tasks tasks;
    private final VmCalls vmCalls;
    private final AgentCalls agent;
    private final ClusterCalls cluster;

    PveClient(
            PveEndpoint endpoint,
            Clock clock,
            Sleeper sleeper,
            RetryPolicy retry,
            Backoff taskPoll,
            Listener listener) {
        this.endpoint = endpoint;
        this.clock = clock;
        this.sleeper = sleeper;
        this.retry = retry;
        this.taskPoll = taskPoll;
        this.listener = listener;
        this.http = new PveHttp(endpoint, clock, sleeper, retry, listener);
        this.tasks = new Tasks(this, new Waiter(clock, sleeper), taskPoll, endpoint.timeouts());
        this.vmCalls = new VmCalls(this, http);
        this.agent = new AgentCalls(this, http);
        this.cluster = new ClusterCalls(this, http);
    }

    /** A builder; host, fingerprint and credentials are required. */
    public static PveClientBuilder builder() {
        return new PveClientBuilder();
    }

    /** Where this client connects, with which pin and credentials. */
    public PveEndpoint endpoint() {
        return endpoint;
    }

    /**
     * A new client for the same endpoint pinned to {@code newPin}, with the same credentials, clock,
     * sleeper, retries and listener. Use it after a cluster join regenerated a node's certificate
     * (calls to that node then fail with {@link FingerprintMismatchException}): read the new
     * fingerprint through a node you already trust ({@code ssl_fingerprint} of {@link #nodes()} or
     * {@code pve_fp} of {@link #clusterJoinInfo()}), never from the changed node itself. This client
     * stays open; close it when it is no longer needed.
     */
    public PveClient withFingerprint(Fingerprint newPin) {
        return new PveClient(endpoint.withFingerprint(newPin), clock, sleeper, retry, taskPoll, listener);
    }

    /** Guest migration between cluster nodes (pve-facts §11, §12.3). */
    public MigrationCalls migrations() {
        return new MigrationCalls(http);
    }

    /** LXC containers (pve-facts §12). */
    public ContainerCalls containers() {
        return new ContainerCalls(this, http);
    }

    /** Resource pools: the host's atomic create, used as the room queue's coordination point. */
    public PoolCalls pools() {
        return new PoolCalls(http);
    }

    /** Task waiting with this client's clock, sleeper and timeouts. */
    public Tasks tasks() {
        return tasks;
    }

    // ---- nodes and access --------------------------------------------------------------------

    /** {@code GET /version}. */
    public VersionInfo version() {
        return VersionInfo.from(get("/version", Map.of()));
    }

    /** {@code GET /nodes}: every node of the cluster (or the single node). */
    public List<NodeSummary> nodes() {
        return list(get("/nodes", Map.of())).stream().map(NodeSummary::from).toList();
    }

    /** {@code GET /nodes/{node}/status} (Sys.Audit on /nodes/{node}). */
    public NodeStatus nodeStatus(String node) {
        return NodeStatus.from(get("/nodes/" + node(node) + "/status", Map.of()));
    }

    /** {@code GET /nodes/{node}/storage}: every storage enabled on the node. */
    public List<StorageInfo> storages(String node) {
        return storages(node, null);
    }

    /** {@code GET /nodes/{node}/storage?content=...}, e.g. {@code images}; null for all. */
    public List<StorageInfo> storages(String node, String content) {
        Map<String, Object> q = content == null ? Map.of() : Map.of("content", content);
        return list(get("/nodes/" + node(node) + "/storage", q)).stream()
                .map(StorageInfo::from)
                .toList();
    }

    /** {@code GET /nodes/{node}/network}: the node's interfaces, bridges included. */
    public List<NetworkIface> networks(String node) {
        return list(get("/nodes/" + node(node) + "/network", Map.of())).stream()
                .map(NetworkIface::from)
                .toList();
    }

    /** {@code GET /access/permissions}: the caller's effective privileges. */
    public Permissions permissions() {
        return Permissions.from(get("/access/permissions", Map.of()));
    }

    /** {@code GET /nodes/{node}/certificates/info}: the node's certificates with fingerprints. */
    public List<CertificateInfo> certificatesInfo(String node) {
        return list(get("/nodes/" + node(node) + "/certificates/info", Map.of())).stream()
                .map(CertificateInfo::from)
                .toList();
    }

    /**
     * {@code POST /access/users/{userid}/token/{tokenid}}: creates an API token and returns it with
     * its secret (shown by PVE only this once).
     *
     * @param privsep whether the token gets its own ACLs (PVE's default) instead of the user's rights
     * @param comment free text, or null
     */
    public PveCredentials.ApiToken createToken(String userid, String tokenid, boolean privsep, String comment) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("privsep", privsep);
        if (comment != null) {
            p.put("comment", comment);
        }
        String path = "/access/users/" + PveEncoding.pathSegment(userid) + "/token/" + PveEncoding.pathSegment(tokenid);
        JsonNode data = http.call("POST", path, p).path("data");
        String secret = Json.asString(data, "value");
        if (secret == null) {
            throw new NestedPveException("POST " + path + " returned no token secret; create the token by hand with"
                    + " `pveum user token add " + userid + " " + tokenid + "`");
        }
        return new PveCredentials.ApiToken(userid, tokenid, secret);
    }

    // ---- VMs: reading ------------------------------------------------------------------------

    /**
     * {@code GET /cluster/nextid}: the lowest free VMID. Reserves nothing (pve-facts §3.2): two
     * callers get the same id until one has created its VM.
     */
    public int nextId() {
        return (int) Json.asLong(get("/cluster/nextid", Map.of()));
    }

    /** {@code GET /cluster/nextid?vmid=N}: whether N is unused cluster-wide (reserves nothing). */
    public boolean checkVmidFree(int vmid) {
        try {
            get("/cluster/nextid", Map.of("vmid", vmid));
            return true;
        } catch (PveValidationException e) {
            if (e.pveErrors().getOrDefault("vmid", "").contains("already exists")) {
                return false;
            }
            throw e;
        }
    }

    /** {@code GET /cluster/resources?type=...} ({@code vm|storage|node|sdn}), entries as JSON. */
    public List<JsonNode> resources(String type) {
        return list(get("/cluster/resources", Map.of("type", type)));
    }

    /** {@code GET /cluster/resources?type=vm}: QEMU and LXC guests you may audit; names and status lag. */
    public List<VmResource> vmResources() {
        return resources("vm").stream().map(e -> VmResource.from(e, null)).toList();
    }

    /** {@code GET /nodes/{node}/qemu}: the QEMU VMs on one node. */
    public List<VmResource> vms(String node) {
        return list(get("/nodes/" + node(node) + "/qemu", Map.of())).stream()
                .map(e -> VmResource.from(e, node))
                .toList();
    }

    /** {@code GET /nodes/{node}/qemu/{vmid}/config} (pending changes applied). */
    public VmConfig vmConfig(String node, int vmid) {
        return VmConfig.from(get(vm(node, vmid) + "/config", Map.of()));
    }

    /** {@code GET /nodes/{node}/qemu/{vmid}/status/current}: the authoritative state. */
    public VmStatus vmStatus(String node, int vmid) {
        return VmStatus.from(vmid, get(vm(node, vmid) + "/status/current", Map.of()));
    }

    // ---- VMs: changing -----------------------------------------------------------------------

    /**
     * {@code POST /nodes/{node}/qemu/{sourceVmid}/clone}: starts a clone (task {@code qmclone} whose
     * id is the source VMID). The clone stays {@code lock: clone} until the task ends; wait for it.
     *
     * <p>Never re-sent: when the outcome is unknown (connection lost after sending, or a
     * gateway-type 5xx) this throws {@link PveAmbiguousOutcomeException} whose {@code observed()}
     * says whether {@code newid} exists, its lock and the running {@code qmclone} tasks of the
     * source. A synchronous lock timeout is a {@link PveLockedException} with {@code
     * isRetryableLockTimeout()}; {@code unable to create VM <newid>: config file already exists}
     * (another caller took the VMID) is a {@link PveApiException}: pick another id.
     */
    public Upid cloneVm(String node, int sourceVmid, CloneRequest request) {
        return vmCalls.clone(node, sourceVmid, request);
    }

    /**
     * {@code POST /nodes/{node}/qemu} with {@code vmid} and config keys: starts {@code qmcreate}.
     * Ambiguous outcomes are reported like {@link #cloneVm}.
     */
    public Upid createVm(String node, Map<String, ?> params) {
        return vmCalls.create(node, params);
    }

    /**
     * {@code PUT .../config}: changes the config synchronously (holds the config lock during the
     * request). Values: strings, numbers, booleans (sent as 1/0); use {@link PveEncoding#sshKeys} and
     * {@link PveEncoding#tags} for those keys, {@code delete} for a comma list of keys to remove.
     */
    public void updateVmConfigSync(String node, int vmid, Map<String, ?> changes) {
        http.call("PUT", configPath(node, vmid, changes), changes);
    }

    /** {@code POST .../config}: the asynchronous variant; returns the {@code qmconfig} task. */
    public Upid updateVmConfigAsync(String node, int vmid, Map<String, ?> changes) {
        String path = configPath(node, vmid, changes);
        return upid("POST " + path, http.call("POST", path, changes).path("data"));
    }

    private static String configPath(String node, int vmid, Map<String, ?> changes) {
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("no config changes given (PVE would answer 'no options specified')");
        }
        return vm(node, vmid) + "/config";
    }

    /** {@code POST .../status/start} ({@code qmstart}); pending config changes apply now. */
    public Upid startVm(String node, int vmid) {
        return vmCalls.power(node, vmid, "start", Map.of());
    }

    /** {@code POST .../status/stop} ({@code qmstop}): hard stop; a stopped VM ends {@code OK}. */
    public Upid stopVm(String node, int vmid) {
        return vmCalls.power(node, vmid, "stop", Map.of());
    }

    /**
     * {@code POST .../status/shutdown} ({@code qmshutdown}): agent or ACPI shutdown.
     *
     * @param timeout how long PVE waits for the guest, or null for PVE's default (60 s)
     * @param forceStop whether PVE stops the VM when the timeout passes (else the task fails)
     */
    public Upid shutdownVm(String node, int vmid, Duration timeout, boolean forceStop) {
        return vmCalls.shutdown(node, vmid, timeout, forceStop);
    }

    /** {@code POST .../status/reboot} ({@code qmreboot}); a stopped VM gives 500 {@code not running}. */
    public Upid rebootVm(String node, int vmid) {
        return vmCalls.power(node, vmid, "reboot", Map.of());
    }

    /**
     * {@code DELETE /nodes/{node}/qemu/{vmid}} ({@code qmdestroy}). A running VM gives 500 {@code
     * VM <id> is running - destroy failed}: stop it first. A missing VM is a {@link
     * PveNotFoundException} (cleanup: already gone).
     */
    public Upid deleteVm(String node, int vmid, boolean purge, boolean destroyUnreferencedDisks) {
        return vmCalls.delete(node, vmid, purge, destroyUnreferencedDisks);
    }

    /** {@code POST .../template} ({@code qmtemplate}); the VM must be stopped. */
    public Upid convertToTemplate(String node, int vmid) {
        return vmCalls.template(node, vmid);
    }

    // ---- guest agent -------------------------------------------------------------------------

    /**
     * {@code POST .../agent/ping}: true when the agent answered, false while it is not (yet)
     * running; throws when no agent is configured or the VM is not running.
     */
    public boolean agentPing(String node, int vmid) {
        return agent.ping(node, vmid);
    }

    /** {@code GET .../agent/network-get-interfaces}; a PVE guest's address is on {@code vmbr0}. */
    public List<AgentInterface> agentNetworkInterfaces(String node, int vmid) {
        return agent.networkInterfaces(node, vmid);
    }

    /** {@code POST .../agent/exec}: starts a command in the guest; returns its pid. */
    public int agentExec(String node, int vmid, List<String> command, String inputData) {
        return agent.exec(node, vmid, command, inputData);
    }

    /**
     * {@code GET .../agent/file-read?file=}: the file's text as the guest agent reads it (decoded),
     * over this pinned API connection rather than the guest's network.
     *
     * @throws PveApiException e.g. {@code Agent error: Failed to open file '…': No such file or
     *     directory}
     */
    public String agentFileRead(String node, int vmid, String file) {
        return agent.fileRead(node, vmid, file);
    }

    /** {@code GET .../agent/exec-status?pid=}. */
    public AgentExecStatus agentExecStatus(String node, int vmid, int pid) {
        return agent.execStatus(node, vmid, pid);
    }

    // ---- cluster -----------------------------------------------------------------------------

    /**
     * {@code POST /cluster/config} ({@code clustercreate}); root@pam ticket only.
     *
     * @param clusterName at most 15 characters
     * @param link0 corosync link 0 address, or null for the address the node name resolves to
     * @param nodeid this node's id, or null for 1
     */
    public Upid clusterCreate(String clusterName, String link0, Integer nodeid) {
        return cluster.create(clusterName, link0, nodeid);
    }

    /** {@code GET /cluster/config/join}; a standalone node answers 424. */
    public JoinInfo clusterJoinInfo() {
        return cluster.joinInfo();
    }

    /**
     * {@code POST /cluster/config/join} sent to the JOINING node ({@code clusterjoin}); root@pam
     * ticket only. Afterwards the joining node has a new certificate (re-pin it), no own tokens, and
     * its old tickets are invalid.
     *
     * @param hostname address of an existing member
     * @param fingerprint that member's served certificate
     * @param password that member's root@pam password
     * @param link0 this node's corosync address, or null
     */
    public Upid clusterJoin(String hostname, Fingerprint fingerprint, String password, String link0) {
        return cluster.join(hostname, fingerprint, password, link0);
    }

    /** {@code GET /cluster/config/nodes}: the corosync node list. */
    public List<ClusterNode> clusterNodes() {
        return cluster.nodes();
    }

    /** {@code GET /cluster/status}: quorum and node states. */
    public ClusterStatus clusterStatus() {
        return cluster.status();
    }

    // ---- tasks -------------------------------------------------------------------------------

    /** {@code GET /nodes/{upid.node}/tasks/{upid}/status}. */
    public TaskStatus taskStatus(Upid upid) {
        return TaskStatus.from(upid, get(task(upid) + "/status", Map.of()));
    }

    /** {@code GET /nodes/{upid.node}/tasks/{upid}/log?start=&limit=} ({@code start} 0-based). */
    public TaskLog taskLog(Upid upid, int start, int limit) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("start", start);
        q.put("limit", limit);
        JsonNode env = http.call("GET", task(upid) + "/log", q);
        List<TaskLogLine> lines =
                list(env.path("data")).stream().map(TaskLogLine::from).toList();
        return new TaskLog(lines, Json.asInt(env, "total", lines.size()));
    }

    /**
     * {@code GET /nodes/{node}/tasks?source=active}: running tasks, optionally of one type and for
     * one VM (the task id; for {@code qmclone} that is the source VM). The active list can still hold
     * a task that has just ended (with its final status, not yet archived); those are left out.
     */
    public List<Upid> activeTasks(String node, String type, Integer vmid) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("source", "active");
        q.put("typefilter", type);
        q.put("vmid", vmid);
        return list(get("/nodes/" + node(node) + "/tasks", q)).stream()
                .filter(e -> {
                    String status = Json.asString(e, "status");
                    return status == null || status.equalsIgnoreCase("RUNNING");
                })
                .map(e -> Json.asString(e, "upid"))
                .filter(u -> u != null)
                .map(Upid::parse)
                .toList();
    }

    /** {@code DELETE /nodes/{upid.node}/tasks/{upid}}: stops a running task. */
    public void stopTask(Upid upid) {
        http.call("DELETE", task(upid), Map.of());
    }

    // ---- helpers used by the other method groups ---------------------------------------------

    JsonNode get(String path, Map<String, ?> query) {
        return http.call("GET", path, query).path("data");
    }

    PveHttp http() {
        return http;
    }

    static List<JsonNode> list(JsonNode array) {
        return Json.elements(array);
    }

    static String node(String node) {
        return PveFormats.node(node);
    }

    static String vm(String node, int vmid) {
        return "/nodes/" + node(node) + "/qemu/" + PveFormats.vmid("VMID", vmid);
    }

    static String task(Upid upid) {
        return "/nodes/" + node(upid.node()) + "/tasks/" + PveEncoding.pathSegment(upid.value());
    }

    static Upid upid(String request, JsonNode data) {
        if (data == null || !data.isTextual()) {
            throw new NestedPveException(request + " returned no task id (UPID) but " + data
                    + "; is this node running a PVE version this tool supports?");
        }
        return Upid.parse(data.asText());
    }

    /** Closes the connections; closing twice is harmless. */
    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "PveClient[" + endpoint + "]";
    }
}
