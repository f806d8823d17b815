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
 * @param unmarked VMs the ledger recorded as created that carry no marker of this installation: listed, never
 *     destroyed
 */
public record ReapReport(
        int examined,
        int foreign,
        List<Decision> reaped,
        List<Decision> kept,
        TeardownReport teardown,
        List<UnmarkedVms.Unmarked> unmarked) {
    /**
     * @param vmid the VM
     * @param lease its lease
     * @param reason why it was reaped or kept
     */
    public record Decision(int vmid, String lease, String reason) {}

    public ReapReport {
        reaped = List.copyOf(reaped);
        kept = List.copyOf(kept);
        unmarked = List.copyOf(unmarked);
    }

    /** A report without unmarked VMs. */
    public ReapReport(int examined, int foreign, List<Decision> reaped, List<Decision> kept, TeardownReport teardown) {
        this(examined, foreign, reaped, kept, teardown, List.of());
    }

    /** Whether everything chosen was destroyed and no VM is left for a hand. */
    public boolean clean() {
        return teardown.ok() && unmarked.isEmpty();
    }

    /** One line, e.g. {@code reaper: 12 VMs examined, 2 reaped, 3 kept, 7 not ours}. */
    public String summary() {
        return "reaper: " + examined + " VMs examined, " + reaped.size() + " reaped, " + kept.size() + " kept, "
                + foreign + " not ours"
                + (teardown.ok() ? "" : ", " + teardown.errors().size() + " failed")
                + (unmarked.isEmpty() ? "" : ", " + unmarked.size() + " unmarked (left for a hand)");
    }
}
