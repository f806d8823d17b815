package io.jenkins.plugins.nestedpve.plugin;

import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.ACLContext;

/** Whether a build is still running; a seam so the lease rules are testable without Jenkins. */
@FunctionalInterface
public interface BuildLiveness {
    /** @param buildId the build's externalizable id */
    boolean isRunning(String buildId);

    /**
     * Asks Jenkins, as the system (the build may be invisible to the current user). A build that is gone or
     * whose id no longer parses is not running; a build resumed after a restart is.
     */
    @SuppressWarnings("try") // the context is used for its side effect: acting as the system
    static BuildLiveness jenkins() {
        return buildId -> {
            try (ACLContext ignored = ACL.as2(ACL.SYSTEM2)) {
                Run<?, ?> run = Run.fromExternalizableId(buildId);
                return run != null && run.isBuilding();
            } catch (IllegalArgumentException e) {
                return false;
            }
        };
    }
}
