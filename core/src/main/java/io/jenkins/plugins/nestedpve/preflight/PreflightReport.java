package io.jenkins.plugins.nestedpve.preflight;

import io.jenkins.plugins.nestedpve.spec.SpecProblem;
import io.jenkins.plugins.nestedpve.spec.SpecValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the preflight found, one {@link PreflightItem} per finding, in the order the checks ran.
 * Provisioning stops on any {@link Verdict#FAIL}; {@code nestedpve doctor} and the plugin's "Test
 * connection" print it.
 */
public record PreflightReport(List<PreflightItem> items) {
    public PreflightReport {
        items = List.copyOf(items);
    }

    /** The report of {@code first} followed by the items of {@code more}. */
    public static PreflightReport of(List<PreflightItem> first, PreflightReport... more) {
        List<PreflightItem> all = new ArrayList<>(first);
        for (PreflightReport r : more) {
            all.addAll(r.items());
        }
        return new PreflightReport(all);
    }

    public List<PreflightItem> failures() {
        return withVerdict(Verdict.FAIL);
    }

    public List<PreflightItem> warnings() {
        return withVerdict(Verdict.WARN);
    }

    public boolean failed() {
        return !failures().isEmpty();
    }

    private List<PreflightItem> withVerdict(Verdict v) {
        return items.stream().filter(i -> i.verdict() == v).toList();
    }

    /** Every failure as a spec problem. */
    public List<SpecProblem> problems() {
        return failures().stream().map(PreflightItem::toProblem).toList();
    }

    /**
     * Throws when any check failed.
     *
     * @throws SpecValidationException listing every failure; nothing has been created
     */
    public void throwIfFailed() {
        if (failed()) {
            throw new SpecValidationException(problems());
        }
    }

    /** One text line per item ({@link PreflightItem#line()}). */
    public List<String> lines() {
        return items.stream().map(PreflightItem::line).toList();
    }

    /** The lines, then {@code ready} or how many checks failed. */
    public String text() {
        long failures = failures().size();
        return lines().stream().collect(Collectors.joining("\n", "", "\n"))
                + (failures == 0 ? "ready" : failures + " check(s) failed");
    }
}
