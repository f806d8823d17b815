package io.jenkins.plugins.nestedpve.upgrade;

import io.jenkins.plugins.nestedpve.pve.ClusterStatus;
import io.jenkins.plugins.nestedpve.pve.NodeStatus;
import io.jenkins.plugins.nestedpve.pve.TaskResult;
import io.jenkins.plugins.nestedpve.pve.Upid;
import io.jenkins.plugins.nestedpve.pve.VersionInfo;
import io.jenkins.plugins.nestedpve.pve.VmResource;
import io.jenkins.plugins.nestedpve.wait.Deadline;
import java.util.List;
import java.util.Map;

/**
 * The PVE API calls of a trial, through one node's API (root@pam, certificate pinned): the seam
 * between the trial and {@link io.jenkins.plugins.nestedpve.pve.PveClient}. Calls naming another
 * node are proxied by PVE.
 */
interface NodeApi extends AutoCloseable {
    /** {@code GET /version}. */
    VersionInfo version();

    /** {@code GET /cluster/status}. */
    ClusterStatus clusterStatus();

    /** {@code GET /nodes/{node}/status}. */
    NodeStatus nodeStatus(String node);

    /** Running tasks on {@code node}. */
    List<Upid> activeTasks(String node);

    /** Every guest of the cluster ({@code /cluster/resources?type=vm}), templates included. */
    List<VmResource> guests();

    /** {@code running}, {@code stopped}, ... of a guest on {@code node}. */
    String status(String type, String node, int vmid);

    /** Migrates a guest to {@code target}: VMs online with local disks, running containers in restart mode. */
    Upid migrate(VmResource guest, String target);

    /** Waits for a task; throws {@link io.jenkins.plugins.nestedpve.pve.TaskFailedException} when it failed. */
    TaskResult await(Upid upid, Deadline deadline) throws InterruptedException;

    /** A free VMID. */
    int nextId();

    /** Creates a guest ({@code qemu} or {@code lxc}) on {@code node}. */
    Upid create(String type, String node, Map<String, ?> params);

    /** Starts or stops a guest ({@code action} {@code start} or {@code stop}). */
    Upid power(String type, String node, int vmid, String action);

    /** Destroys a guest (stopped first by the caller). */
    Upid destroy(String type, String node, int vmid);

    /** The storages of {@code node} that hold {@code content} (e.g. {@code rootdir}). */
    List<String> storages(String node, String content);

    /** Container template volids on {@code node}'s storages. */
    List<String> containerTemplates(String node);

    @Override
    void close();
}
