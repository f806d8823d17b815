package io.jenkins.plugins.nestedpve.upgrade;

import io.jenkins.plugins.nestedpve.NestedPveException;

/** A step that did not succeed; the message names what was expected and what happened. */
final class StepFailure extends NestedPveException {
    private static final long serialVersionUID = 1L;

    StepFailure(String message) {
        super(message);
    }
}
