package io.jenkins.plugins.nestedpve.placement;

import io.jenkins.plugins.nestedpve.spec.SpecProblem;
import io.jenkins.plugins.nestedpve.spec.SpecValidationException;
import java.util.List;

/** A placement that cannot be carried out on this host; thrown before anything is created. */
public final class PlacementException extends SpecValidationException {
    private static final long serialVersionUID = 1L;

    public PlacementException(SpecProblem problem) {
        super(List.of(problem));
    }

    public PlacementException(List<SpecProblem> problems) {
        super(problems);
    }
}
