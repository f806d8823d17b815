package io.jenkins.plugins.nestedpve.upgrade;

import io.jenkins.plugins.nestedpve.NestedPveException;
import java.util.Objects;

/**
 * An {@link UpgradePlan} value that cannot be used. {@link #field()} names the parameter as
 * Pipelines and the command line spell it ({@code to}, {@code strategy}, {@code checker}, {@code
 * repository}, {@code mirror}, {@code maxGuestDowntime}, {@code beforeNode}, {@code afterNode},
 * {@code timeouts.<name>}); the message says what is accepted.
 */
public class InvalidUpgradePlanException extends NestedPveException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidUpgradePlanException(String field, String message) {
        super(Objects.requireNonNull(field, "field") + ": " + message);
        this.field = field;
    }

    /** The parameter at fault, e.g. {@code strategy}. */
    public String field() {
        return field;
    }
}
