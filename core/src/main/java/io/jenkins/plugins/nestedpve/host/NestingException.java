package io.jenkins.plugins.nestedpve.host;

import io.jenkins.plugins.nestedpve.NestedPveException;
import java.util.Optional;

/**
 * Nested virtualization is not usable under the chosen policy (or could not be checked). The
 * message names the machine and says what to do; {@link #report()} holds what the preflight found
 * and changed so far.
 */
public class NestingException extends NestedPveException {
    private static final long serialVersionUID = 1L;

    private final String machine;
    private final transient NestingReport report;

    public NestingException(String machine, String message, NestingReport report) {
        super(message);
        this.machine = machine;
        this.report = report;
    }

    /** The physical host or guest node concerned. */
    public String machine() {
        return machine;
    }

    /** The host preflight's findings so far; empty for guest checks. */
    public Optional<NestingReport> report() {
        return Optional.ofNullable(report);
    }
}
