package io.jenkins.plugins.nestedpve.lifecycle;

import io.jenkins.plugins.nestedpve.NestedPveException;
import io.jenkins.plugins.nestedpve.pve.ContainerCalls;
import io.jenkins.plugins.nestedpve.pve.PveClient;
import io.jenkins.plugins.nestedpve.pve.PveNotFoundException;
import io.jenkins.plugins.nestedpve.pve.SmallContainer;
import io.jenkins.plugins.nestedpve.pve.TaskFailedException;
import io.jenkins.plugins.nestedpve.pve.Upid;
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

    private final ProvisionRun run;
    private final GuestNode node;

    SmokeContainer(ProvisionRun run, GuestNode node) {
        this.run = run;
        this.node = node;
    }

    void run(Deadline deadline) throws InterruptedException {
        PveClient api = node.api;
        Map<String, Object> params = params(api);
        int vmid = (Integer) params.get("vmid");
        ContainerCalls cts = api.containers();
        await(api, cts.create(node.name, params), "could not be created", vmid, params);
        try {
            await(api, cts.start(node.name, vmid), "did not start", vmid, params);
            String status = cts.status(node.name, vmid);
            if (!"running".equals(status)) {
                throw new NestedPveException("the test container " + vmid + " on " + node.name + " is '" + status
                        + "' right after its start, not 'running'");
            }
            await(api, cts.stop(node.name, vmid), "did not stop", vmid, params);
            run.info("container " + vmid + " (" + params.get("ostemplate") + ") started and stopped on " + node.name);
        } finally {
            destroyQuietly(cts, vmid, deadline, api);
        }
    }

    private Map<String, Object> params(PveClient api) {
        try {
            return SmallContainer.params(
                    node.name,
                    api.nextId(),
                    CT_NAME,
                    SmallContainer.templates(api, node.name),
                    SmallContainer.rootdirStorages(api, node.name),
                    false);
        } catch (NestedPveException e) {
            throw new NestedPveException(
                    "smokeCheckContainer: " + e.getMessage() + " — or set smokeCheckContainer to false", e);
        }
    }

    private void await(PveClient api, Upid upid, String what, int vmid, Map<String, Object> params)
            throws InterruptedException {
        try {
            api.tasks().await(upid, run.deadline(run.spec.timeouts().command()));
        } catch (TaskFailedException e) {
            throw new NestedPveException(
                    "the test container " + vmid + " (" + params.get("ostemplate") + ", rootfs " + params.get("rootfs")
                            + ") " + what + " on " + node.name + ": " + e.exitStatus(),
                    e);
        }
    }

    private void destroyQuietly(ContainerCalls cts, int vmid, Deadline deadline, PveClient api)
            throws InterruptedException {
        try {
            if ("running".equals(cts.status(node.name, vmid))) {
                api.tasks().await(cts.stop(node.name, vmid), deadline);
            }
            api.tasks().await(cts.delete(node.name, vmid), deadline);
        } catch (PveNotFoundException e) {
            // already gone
        } catch (RuntimeException e) {
            // the guests are destroyed with the cluster anyway; a stuck container only costs a warning
            run.warn("could not destroy the test container " + vmid + " on " + node.name + ": " + e.getMessage());
        }
    }
}
