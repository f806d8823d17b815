package io.jenkins.plugins.nestedpve.plugin;

import hudson.util.FormValidation;

/** Turns a {@link Validation} into Jenkins' {@link FormValidation}; a seam so tests can see the outcome. */
@FunctionalInterface
public interface ValidationRenderer {
    FormValidation render(Validation validation);

    /** {@link Validation#toFormValidation()}. */
    static ValidationRenderer jenkins() {
        return Validation::toFormValidation;
    }
}
