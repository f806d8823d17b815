package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.spec.SpecProblem;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A spec file has problems; each names the field by its path in the file ({@code host.fingerprint},
 * {@code addressing.pool[2]}) and says what to change. Nothing was created. Exit code {@link
 * ExitCodes#USAGE}.
 */
public class SpecFileException extends CliException {
    private static final long serialVersionUID = 1L;

    private final transient List<SpecProblem> problems;

    public SpecFileException(Path file, List<SpecProblem> problems) {
        super(ExitCodes.USAGE, message(file, problems));
        this.problems = List.copyOf(problems);
    }

    public List<SpecProblem> problems() {
        return problems;
    }

    private static String message(Path file, List<SpecProblem> problems) {
        String where = file == null ? "the cluster spec" : file.toString();
        String header = problems.size() == 1
                ? where + " has a problem (nothing was created):"
                : where + " has " + problems.size() + " problems (nothing was created):";
        return header + problems.stream().map(p -> "\n  " + p).collect(Collectors.joining());
    }
}
