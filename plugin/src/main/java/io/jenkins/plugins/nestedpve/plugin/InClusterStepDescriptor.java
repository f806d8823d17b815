package io.jenkins.plugins.nestedpve.plugin;

import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;

/**
 * What the descriptors of the steps used inside {@code nestedPveCluster} ({@code nestedPveSh}, {@code
 * nestedPveUpgrade}) share: the permission check and rendering of their form checks, and the required context.
 */
abstract class InClusterStepDescriptor extends StepDescriptor {
    final PermissionChecker permissions;
    private final ValidationRenderer renderer;

    InClusterStepDescriptor(PermissionChecker permissions, ValidationRenderer renderer) {
        this.permissions = Objects.requireNonNull(permissions, "permissions");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    /** Only inside {@code nestedPveCluster}: Jenkins fails the step elsewhere, naming that block. */
    @Override
    public final Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, TaskListener.class, NestedPveClusterContext.class);
    }

    /** A form check: only for who may configure {@code item} (checked first); the result rendered for the form. */
    final FormValidation check(Item item, Supplier<Validation> result) {
        permissions.checkConfigure(item);
        return renderer.render(result.get());
    }
}
