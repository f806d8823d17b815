package io.jenkins.plugins.nestedpve.provision;

import io.jenkins.plugins.nestedpve.NestedPveException;
import io.jenkins.plugins.nestedpve.pve.ContainerCalls;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.PveNotFoundException;
import io.jenkins.plugins.nestedpve.pve.SmallContainer;
import io.jenkins.plugins.nestedpve.pve.TaskFailedException;
import io.jenkins.plugins.nestedpve.pve.Upid;
import io.jenkins.plugins.nestedpve.spec.ClusterSpec;
import io.jenkins.plugins.nestedpve.wait.Deadline;
import java.util.Map;

/**
 * The container half of the smoke check ({@code smokeCheckContainer}): inside one guest, create a
 * small container from a CT template on the guest's storage ({@code POST /nodes/{node}/lxc}, the
 * parameters of {@link SmallContainer}), start it, check that it runs, then stop and destroy it.
 */
final class SmokeContainer {
    /** Hostname of the container. */
    static final String CT_NAME = "nested-pve-smoke-ct";

    private final RunContext run;
    private final ClusterSpec spec;
    private final String node;
    private final PveClient api;

    /** Checks on node {@code node} through its API client {@code api}. */
    SmokeContainer(RunContext run, ClusterSpec spec, String node, PveClient api) {
        this.run = run;
        this.spec = spec;
        this.node = node;
        this.api = api;
    }

    void run(Deadline deadline) throws InterruptedException {
        Map<String, Object> params = params();
        int vmid = (Integer) params.get("vmid");
        ContainerCalls cts = api.containers();
        await(cts.create(node, params), "could not be created", vmid, params);
        try {
            await(cts.start(node, vmid), "did not start", vmid, params);
            String status = cts.status(node, vmid);
            if (!"running".equals(status)) {
                throw new NestedPveException("the test container " + vmid + " on " + node + " is '" + status
                        + "' right after its start, not 'running'");
            }
            await(cts.stop(node, vmid), "did not stop", vmid, params);
            run.info("container " + vmid + " (" + params.get("ostemplate") + ") started and stopped on " + node);
        } finally {
            destroyQuietly(cts, vmid, deadline);
        }
    }

    private Map<String, Object> params() {
        try {
            return SmallContainer.params(
                    node,
                    api.nextId(),
                    CT_NAME,
                    SmallContainer.templates(api, node),
                    SmallContainer.rootdirStorages(api, node),
                    false);
        } catch (NestedPveException e) {
            throw new NestedPveException(
                    "smokeCheckContainer: " + e.getMessage() + " — or set smokeCheckContainer to false", e);
        }
    }

    private void await(Upid upid, String what, int vmid, Map<String, Object> params) throws InterruptedException {
        try {
            api.tasks().await(upid, run.deadline(spec.timeouts().command()));
        } catch (TaskFailedException e) {
            throw new NestedPveException(
                    "the test container " + vmid + " (" + params.get("ostemplate") + ", rootfs " + params.get("rootfs")
                            + ") " + what + " on " + node + ": " + e.exitStatus(),
                    e);
        }
    }

    private void destroyQuietly(ContainerCalls cts, int vmid, Deadline deadline) throws InterruptedException {
        try {
            if ("running".equals(cts.status(node, vmid))) {
                api.tasks().await(cts.stop(node, vmid), deadline);
            }
            api.tasks().await(cts.delete(node, vmid), deadline);
        } catch (PveNotFoundException e) {
            // already gone
        } catch (RuntimeException e) {
            // the guests are destroyed with the cluster anyway; a stuck container only costs a warning
            run.warn("could not destroy the test container " + vmid + " on " + node + ": " + e.getMessage());
        }
    }
}
