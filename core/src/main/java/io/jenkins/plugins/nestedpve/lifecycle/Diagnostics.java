package io.jenkins.plugins.nestedpve.lifecycle;

import io.jenkins.plugins.nestedpve.pve.TaskFailedException;
import io.jenkins.plugins.nestedpve.pve.VmStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers what a failed provisioning leaves to look at — each guest's VM state and the log tail of
 * the failing guest's last task — before cleanup destroys it (the log tail of a failed task is
 * already in its {@link TaskFailedException}). Never fails: a line says what could not be read.
 */
final class Diagnostics {
    private static final int LOG_LINES = 10;

    private Diagnostics() {}

    static List<String> gather(ProvisionRun run, ProvisioningException failure) {
        List<String> lines = new ArrayList<>();
        if (run.host == null || run.environment == null) {
            return lines;
        }
        String hostNode = run.environment.templateNode();
        for (GuestNode n : run.nodes) {
            Integer vmid = n.vmid;
            if (vmid == null) {
                continue;
            }
            try {
                VmStatus s = run.host.vmStatus(hostNode, vmid);
                lines.add("VM " + vmid + " (" + n.name + "): status " + s.status()
                        + (s.lock() == null ? "" : ", lock " + s.lock())
                        + (s.qmpstatus() == null ? "" : ", qmpstatus " + s.qmpstatus())
                        + (n.address == null ? "" : ", address " + n.address));
            } catch (RuntimeException e) {
                lines.add("VM " + vmid + " (" + n.name + "): state not readable: " + e.getMessage());
            }
            if (failure.node().filter(n.name::equals).isPresent() && n.lastTask != null && !hasTaskLog(failure)) {
                lines.addAll(taskLog(run, n));
            }
        }
        return lines;
    }

    private static List<String> taskLog(ProvisionRun run, GuestNode n) {
        List<String> out = new ArrayList<>();
        try {
            out.add("last task of " + n.name + ": " + n.lastTask);
            run.host.tasks().logTail(n.lastTask, LOG_LINES).forEach(l -> out.add("  " + l));
        } catch (RuntimeException e) {
            out.add("task log of " + n.lastTask + " not readable: " + e.getMessage());
        }
        return out;
    }

    private static boolean hasTaskLog(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof TaskFailedException) {
                return true;
            }
        }
        return false;
    }
}
