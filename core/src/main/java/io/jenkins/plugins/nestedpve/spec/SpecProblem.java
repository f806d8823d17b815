package io.jenkins.plugins.nestedpve.spec;

import java.util.Objects;

/**
 * One thing wrong with a {@link ClusterSpec}.
 *
 * @param field the spec field, dotted for nested values ({@code host.apiFingerprint})
 * @param message what is wrong and what to change, e.g. {@code must be between 1 and 32, got 0 —
 *     set nodes to the number of PVE guests to create}
 */
public record SpecProblem(String field, String message) {
    public SpecProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** {@code field: message}. */
    @Override
    public String toString() {
        return field + ": " + message;
    }
}
