package io.jenkins.plugins.nestedpve.plugin;

import hudson.util.FormValidation;
import io.jenkins.plugins.nestedpve.spec.SpecProblem;
import io.jenkins.plugins.nestedpve.spec.SpecValidationException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The outcome of one form field check, independent of Jenkins so the checks are plain functions.
 *
 * @param kind ok, warning or error
 * @param message what is wrong and what to do; empty for a plain ok
 */
public record Validation(Kind kind, String message) {
    /** How a field check ended. */
    public enum Kind {
        OK,
        WARNING,
        ERROR
    }

    public Validation {
        Objects.requireNonNull(kind, "kind");
        message = message == null ? "" : message;
    }

    public static Validation ok() {
        return new Validation(Kind.OK, "");
    }

    public static Validation ok(String message) {
        return new Validation(Kind.OK, message);
    }

    public static Validation warning(String message) {
        return new Validation(Kind.WARNING, message);
    }

    public static Validation error(String message) {
        return new Validation(Kind.ERROR, message);
    }

    /** The core's verdict on a field: its first problem as the error, else ok. */
    public static Validation of(List<SpecProblem> problems) {
        return problems.isEmpty() ? ok() : error(problems.get(0).message());
    }

    /** The core's verdict of a rule that may also throw while parsing the text. */
    public static Validation of(Supplier<Optional<SpecProblem>> rule) {
        try {
            return of(rule.get().stream().toList());
        } catch (SpecValidationException e) {
            return of(e.problems());
        }
    }

    /** A whole number checked by the core's {@code rule}. */
    public static Validation whole(String value, IntFunction<Optional<SpecProblem>> rule) {
        Integer n = HostChecks.integer(value);
        return n == null ? error("Enter a whole number.") : of(() -> rule.apply(n));
    }

    /** Whether this is an error. */
    public boolean isError() {
        return kind == Kind.ERROR;
    }

    /** The Jenkins form answer for this outcome (the message is escaped by Jenkins). */
    public FormValidation toFormValidation() {
        return switch (kind) {
            case OK -> message.isEmpty() ? FormValidation.ok() : FormValidation.ok(message);
            case WARNING -> FormValidation.warning(message);
            case ERROR -> FormValidation.error(message);
        };
    }
}
