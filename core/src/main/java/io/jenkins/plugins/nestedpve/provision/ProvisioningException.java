package io.jenkins.plugins.nestedpve.provision;

import io.jenkins.plugins.nestedpve.NestedPveException;
import io.jenkins.plugins.nestedpve.events.Phase;
import io.jenkins.plugins.nestedpve.pve.PveInterruptedException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * Provisioning failed (or was cancelled) in one phase, for one node or cluster-wide. The message
 * reads {@code phase JOIN, node np-abc-n2: <what went wrong>}; the cause is the original failure.
 * Errors of the cleanup that followed are attached as {@linkplain #getSuppressed() suppressed}
 * exceptions, never in place of the first failure.
 */
public class ProvisioningException extends NestedPveException {
    private static final long serialVersionUID = 1L;

    private final Phase phase;
    private final String node;
    private final List<String> diagnostics = new ArrayList<>();
    private Instant keptUntil;
    private String lease;

    /**
     * @param phase the phase that failed
     * @param node the guest concerned, or null for a cluster-wide phase
     * @param cause what went wrong
     */
    public ProvisioningException(Phase phase, String node, Throwable cause) {
        super(message(phase, node, cause), cause);
        this.phase = Objects.requireNonNull(phase, "phase");
        this.node = node;
    }

    private static String message(Phase phase, String node, Throwable cause) {
        String what = cause == null ? "failed" : describe(cause);
        return "phase " + phase.name() + (node == null ? "" : ", node " + node) + ": " + what;
    }

    private static String describe(Throwable cause) {
        if (isCancellation(cause)) {
            return "provisioning was cancelled (" + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")";
        }
        return cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
    }

    /**
     * Whether {@code t} means "stop now": an interrupt or a cancellation, also when a library wrapped
     * the {@link InterruptedException} into its own exception (sshj does).
     */
    static boolean isCancellation(Throwable t) {
        int depth = 0;
        for (Throwable c = t; c != null && depth < 10; c = c.getCause(), depth++) {
            if (c instanceof InterruptedException
                    || c instanceof CancellationException
                    || c instanceof PveInterruptedException) {
                return true;
            }
        }
        return false;
    }

    /** The phase that failed. */
    public Phase phase() {
        return phase;
    }

    /** The guest the failure concerns; empty for cluster-wide phases. */
    public Optional<String> node() {
        return Optional.ofNullable(node);
    }

    /** Whether provisioning stopped because it was cancelled or interrupted rather than failing. */
    public boolean cancelled() {
        return isCancellation(getCause());
    }

    /** What was gathered before cleanup destroyed the evidence: VM states, task log lines. */
    public synchronized List<String> diagnostics() {
        return List.copyOf(diagnostics);
    }

    synchronized void addDiagnostics(List<String> lines) {
        diagnostics.addAll(lines);
    }

    /** The lease of the failed provisioning (for {@code NestedPveEngine.teardown(lease, ...)}); null if unknown. */
    public synchronized String lease() {
        return lease;
    }

    synchronized void lease(String id) {
        this.lease = id;
    }

    /** When kept for debugging (keep-on-failure), until when the guests stay; empty when destroyed. */
    public synchronized Optional<Instant> keptUntil() {
        return Optional.ofNullable(keptUntil);
    }

    synchronized void keptUntil(Instant at) {
        this.keptUntil = at;
    }
}
