package io.jenkins.plugins.nestedpve.cli;

import java.util.Objects;

/**
 * One result of {@code doctor}.
 *
 * @param name short name of what was checked ({@code api}, {@code template}, {@code nesting}, ...)
 * @param status the verdict
 * @param message what was found and, unless it passed, what to do
 */
record Check(String name, Status status, String message) {
    /** The verdict of a check. */
    enum Status {
        PASS,
        WARN,
        FAIL,
        /** Not checked: it depends on a check that failed. */
        SKIP
    }

    Check {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }

    static Check pass(String name, String message) {
        return new Check(name, Status.PASS, message);
    }

    static Check warn(String name, String message) {
        return new Check(name, Status.WARN, message);
    }

    static Check fail(String name, String message) {
        return new Check(name, Status.FAIL, message);
    }

    static Check skip(String name, String message) {
        return new Check(name, Status.SKIP, message);
    }

    /** {@code PASS  template    9000 'pve84-tmpl' is a template}; continuation lines indented. */
    String line() {
        return String.format("%-4s  %-10s  %s", status, name, message.replace("\n", "\n" + " ".repeat(18)));
    }
}
