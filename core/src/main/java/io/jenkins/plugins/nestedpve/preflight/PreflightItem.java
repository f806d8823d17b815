package io.jenkins.plugins.nestedpve.preflight;

import io.jenkins.plugins.nestedpve.spec.SpecProblem;
import java.util.Objects;

/**
 * One result of the preflight report.
 *
 * @param check short name of what was checked ({@code api}, {@code template}, {@code nesting}, ...)
 * @param verdict pass, warn, fail or skip
 * @param field the spec field a failure is about ({@code template}, {@code host.apiToken}, ...)
 * @param detail what was found
 * @param action what to do, empty when there is nothing to do
 */
public record PreflightItem(String check, Verdict verdict, String field, String detail, String action) {
    private static final String DASH = " — ";

    public PreflightItem {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(action, "action");
    }

    public static PreflightItem pass(String check, String detail) {
        return new PreflightItem(check, Verdict.PASS, check, detail, "");
    }

    public static PreflightItem skip(String check, String detail) {
        return new PreflightItem(check, Verdict.SKIP, check, detail, "");
    }

    /** A warning; {@code message} is {@code what was found — what to do}. */
    public static PreflightItem warn(String check, String field, String message) {
        return split(check, Verdict.WARN, field, message);
    }

    /** A failure; {@code message} is {@code what was found — what to do}. */
    public static PreflightItem fail(String check, String field, String message) {
        return split(check, Verdict.FAIL, field, message);
    }

    /** A failure from a spec problem: the check is named after the problem's field. */
    public static PreflightItem fail(String check, SpecProblem problem) {
        return fail(check, problem.field(), problem.message());
    }

    private static PreflightItem split(String check, Verdict verdict, String field, String message) {
        int dash = message.indexOf(DASH);
        return dash < 0
                ? new PreflightItem(check, verdict, field, message, "")
                : new PreflightItem(
                        check, verdict, field, message.substring(0, dash), message.substring(dash + DASH.length()));
    }

    /** {@code detail — action}, or the detail alone when there is nothing to do. */
    public String message() {
        return action.isEmpty() ? detail : detail + DASH + action;
    }

    /** The failure as a spec problem ({@code field: message}). */
    public SpecProblem toProblem() {
        return new SpecProblem(field, message());
    }

    /** {@code PASS  template    9000 'pve84-tmpl' is a template}; continuation lines indented. */
    public String line() {
        return String.format("%-4s  %-10s  %s", verdict, check, message().replace("\n", "\n" + " ".repeat(18)));
    }
}
