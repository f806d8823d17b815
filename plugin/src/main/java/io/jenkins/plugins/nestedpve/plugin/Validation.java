package io.jenkins.plugins.nestedpve.plugin;

import hudson.util.FormValidation;
import java.util.Objects;

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
