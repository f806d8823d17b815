package io.jenkins.plugins.nestedpve.provision;

import io.jenkins.plugins.nestedpve.provision.Footprint.GuestSighting;
import io.jenkins.plugins.nestedpve.pve.PveClient;
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

    static List<String> gather(Footprint footprint, ProvisioningException failure) {
        List<String> lines = new ArrayList<>();
        PveClient host = footprint.host();
        String hostNode = footprint.hostNode();
        if (host == null || hostNode == null) {
            return lines;
        }
        for (GuestSighting n : footprint.guests()) {
            Integer vmid = n.vmid();
            if (vmid == null) {
                continue;
            }
            try {
                VmStatus s = host.vmStatus(hostNode, vmid);
                lines.add("VM " + vmid + " (" + n.name() + "): status " + s.status()
                        + (s.lock() == null ? "" : ", lock " + s.lock())
                        + (s.qmpstatus() == null ? "" : ", qmpstatus " + s.qmpstatus())
                        + (n.address() == null ? "" : ", address " + n.address()));
            } catch (RuntimeException e) {
                lines.add("VM " + vmid + " (" + n.name() + "): state not readable: " + e.getMessage());
            }
            if (failure.node().filter(n.name()::equals).isPresent() && n.lastTask() != null && !hasTaskLog(failure)) {
                lines.addAll(taskLog(host, n));
            }
        }
        return lines;
    }

    private static List<String> taskLog(PveClient host, GuestSighting n) {
        List<String> out = new ArrayList<>();
        try {
            out.add("last task of " + n.name() + ": " + n.lastTask());
            host.tasks().logTail(n.lastTask(), LOG_LINES).forEach(l -> out.add("  " + l));
        } catch (RuntimeException e) {
            out.add("task log of " + n.lastTask() + " not readable: " + e.getMessage());
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
