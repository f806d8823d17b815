package io.jenkins.plugins.nestedpve.spec;

import io.jenkins.plugins.nestedpve.NestedPveException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A cluster spec (or the environment checked before anything is created) has problems. Lists all
 * of them at once, each naming the field and what to change. Nothing has been created.
 */
public class SpecValidationException extends NestedPveException {
    private static final long serialVersionUID = 1L;

    private final List<SpecProblem> problems;

    public SpecValidationException(List<SpecProblem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    public List<SpecProblem> problems() {
        return problems;
    }

    private static String message(List<SpecProblem> problems) {
        String header = problems.size() == 1
                ? "the cluster spec has a problem (nothing was created):"
                : "the cluster spec has " + problems.size() + " problems (nothing was created):";
        return header + problems.stream().map(p -> "\n  - " + p).collect(Collectors.joining());
    }
}
