package io.jenkins.plugins.nestedpve.plugin;

import hudson.Extension;
import hudson.model.AsyncPeriodicWork;
import hudson.model.TaskListener;
import io.jenkins.plugins.nestedpve.ledger.LeaseReleaser;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The periodic reaper: tears down leases of builds that no longer run and kept clusters whose time is up, then
 * lets the host reaper remove marked guests no lease accounts for. Its log is
 * {@code $JENKINS_HOME/logs/tasks/nested-pve reaper.log}. The interval is read when Jenkins starts.
 */
@Extension
public class NestedPveReaperWork extends AsyncPeriodicWork {
    private final Supplier<LeaseReleaser> releaser;
    private final IntSupplier intervalMinutes;

    /** The instance Jenkins creates. */
    public NestedPveReaperWork() {
        this(
                () -> NestedPveLeases.get().releaser(),
                () -> NestedPveGlobalConfiguration.get().getReaperIntervalMinutes());
    }

    NestedPveReaperWork(Supplier<LeaseReleaser> releaser, IntSupplier intervalMinutes) {
        super("nested-pve reaper");
        this.releaser = Objects.requireNonNull(releaser, "releaser");
        this.intervalMinutes = Objects.requireNonNull(intervalMinutes, "intervalMinutes");
    }

    @Override
    public long getRecurrencePeriod() {
        return TimeUnit.MINUTES.toMillis(Math.max(1, intervalMinutes.getAsInt()));
    }

    @Override
    protected void execute(TaskListener listener) {
        LeaseReleaser.Outcome o = releaser.get().sweep(listener.getLogger()::println);
        listener.getLogger()
                .println("Released " + o.released() + ", failed " + o.failed() + ", kept " + o.kept() + ".");
    }
}
