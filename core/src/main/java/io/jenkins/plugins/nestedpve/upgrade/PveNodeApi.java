package io.jenkins.plugins.nestedpve.upgrade;

import io.jenkins.plugins.nestedpve.pve.ClusterStatus;
import io.jenkins.plugins.nestedpve.pve.NodeStatus;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.SmallContainer;
import io.jenkins.plugins.nestedpve.pve.StorageInfo;
import io.jenkins.plugins.nestedpve.pve.TaskResult;
import io.jenkins.plugins.nestedpve.pve.Upid;
import io.jenkins.plugins.nestedpve.pve.VersionInfo;
import io.jenkins.plugins.nestedpve.pve.VmResource;
import io.jenkins.plugins.nestedpve.wait.Deadline;
import java.util.List;
import java.util.Map;

/** {@link NodeApi} over a {@link PveClient}. */
final class PveNodeApi implements NodeApi {
    private final PveClient client;

    PveNodeApi(PveClient client) {
        this.client = client;
    }

    @Override
    public VersionInfo version() {
        return client.version();
    }

    @Override
    public ClusterStatus clusterStatus() {
        return client.clusterStatus();
    }

    @Override
    public NodeStatus nodeStatus(String node) {
        return client.nodeStatus(node);
    }

    @Override
    public List<Upid> activeTasks(String node) {
        return client.activeTasks(node, null, null);
    }

    @Override
    public List<VmResource> guests() {
        return client.vmResources();
    }

    @Override
    public String status(String type, String node, int vmid) {
        return type.equals("lxc")
                ? client.containers().status(node, vmid)
                : client.vmStatus(node, vmid).status();
    }

    @Override
    public Upid migrate(VmResource guest, String target) {
        return guest.isQemu()
                ? client.migrations().migrateVm(guest.node(), guest.vmid(), target)
                : client.migrations()
                        .migrateContainer(guest.node(), guest.vmid(), target, "running".equals(guest.status()));
    }

    @Override
    public TaskResult await(Upid upid, Deadline deadline) throws InterruptedException {
        return client.tasks().await(upid, deadline);
    }

    @Override
    public int nextId() {
        return client.nextId();
    }

    @Override
    public Upid create(String type, String node, Map<String, ?> params) {
        return type.equals("lxc") ? client.containers().create(node, params) : client.createVm(node, params);
    }

    @Override
    public Upid power(String type, String node, int vmid, String action) {
        if (type.equals("lxc")) {
            return action.equals("start")
                    ? client.containers().start(node, vmid)
                    : client.containers().stop(node, vmid);
        }
        return action.equals("start") ? client.startVm(node, vmid) : client.stopVm(node, vmid);
    }

    @Override
    public Upid destroy(String type, String node, int vmid) {
        return type.equals("lxc") ? client.containers().delete(node, vmid) : client.deleteVm(node, vmid, true, true);
    }

    @Override
    public List<String> storages(String node, String content) {
        return content.equals("rootdir")
                ? SmallContainer.rootdirStorages(client, node)
                : client.storages(node, content).stream()
                        .filter(s -> s.enabled() && s.active())
                        .map(StorageInfo::storage)
                        .toList();
    }

    @Override
    public List<String> containerTemplates(String node) {
        return SmallContainer.templates(client, node);
    }

    @Override
    public void close() {
        client.close();
    }
}
