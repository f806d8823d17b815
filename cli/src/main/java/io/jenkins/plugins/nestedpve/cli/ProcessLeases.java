package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.ledger.Lease;
import io.jenkins.plugins.nestedpve.ledger.LeaseStore;
import io.jenkins.plugins.nestedpve.reap.LeaseOracle;
import java.util.Map;
import java.util.Optional;

/**
 * The leases this installation's processes hold right now, in the installation's {@link LeaseStore} (the same
 * store and file format as the Jenkins plugin's), each tagged with the holder's process id. A lease is known
 * while it is live and its process is alive, so {@code reap} treats the VMs of a crashed {@code run} as orphans
 * but never those of a {@code run} still going, in any process.
 */
final class ProcessLeases implements LeaseOracle {
    /** The tag that names the holding process. */
    static final String PID = "pid";

    private final LeaseStore store;

    ProcessLeases(LeaseStore store) {
        this.store = store;
    }

    /**
     * Records that this process holds {@code lease}; closing the result lets go of it (the lease is released).
     *
     * @throws CliException when it cannot be recorded
     */
    ShutdownHooks.Registration hold(String lease, String cluster) {
        try {
            store.open(
                    lease,
                    cluster,
                    Map.of(PID, Long.toString(ProcessHandle.current().pid())));
        } catch (RuntimeException e) {
            throw new CliException(
                    ExitCodes.COMMAND_FAILED,
                    "cannot record lease " + lease + ": " + e.getMessage() + " — check that " + store.ledger()
                            + " is writable");
        }
        return () -> {
            try {
                store.release(lease);
            } catch (RuntimeException e) {
                // a lease left live only delays reaping until its process is gone, which it then is
            }
        };
    }

    @Override
    public boolean isKnown(String lease) {
        return store.find(lease)
                .filter(Lease::isLive)
                .flatMap(l -> pid(l.tag(PID)))
                .flatMap(ProcessHandle::of)
                .map(ProcessHandle::isAlive)
                .orElse(false);
    }

    private static Optional<Long> pid(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
