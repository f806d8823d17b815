package io.jenkins.plugins.nestedpve.reap;

import io.jenkins.plugins.nestedpve.teardown.TeardownReport;
import java.util.List;

/**
 * What the {@link Reaper} found and did on one host.
 *
 * @param examined VMs looked at (templates excluded)
 * @param foreign VMs without this installation's marker: never touched
 * @param reaped the VMs chosen for destruction, with the reason
 * @param kept VMs of this installation left alone, with the reason
 * @param teardown what destroying the reaped VMs did
 */
public record ReapReport(
        int examined, int foreign, List<Decision> reaped, List<Decision> kept, TeardownReport teardown) {
    /**
     * @param vmid the VM
     * @param lease its lease
     * @param reason why it was reaped or kept
     */
    public record Decision(int vmid, String lease, String reason) {}

    public ReapReport {
        reaped = List.copyOf(reaped);
        kept = List.copyOf(kept);
    }

    /** One line, e.g. {@code reaper: 12 VMs examined, 2 reaped, 3 kept, 7 not ours}. */
    public String summary() {
        return "reaper: " + examined + " VMs examined, " + reaped.size() + " reaped, " + kept.size() + " kept, "
                + foreign + " not ours"
                + (teardown.ok() ? "" : ", " + teardown.errors().size() + " failed");
    }
}
