package io.jenkins.plugins.nestedpve.plugin;

import jenkins.model.Jenkins;
import org.springframework.security.access.AccessDeniedException;

/**
 * The permission gate of every form handler that reads credentials, connects anywhere or reveals configuration:
 * only administrators may use them. The default asks Jenkins; tests pass a fake to observe the checks.
 */
public interface PermissionChecker {
    /**
     * Returns normally when the current user may administer Jenkins.
     *
     * @throws AccessDeniedException otherwise (Stapler answers 403)
     */
    void checkAdminister();

    /** Whether the current user may administer Jenkins; for handlers that answer "nothing" instead of 403. */
    boolean canAdminister();

    /** {@code Jenkins.get().checkPermission(Jenkins.ADMINISTER)} and {@code hasPermission(Jenkins.ADMINISTER)}. */
    static PermissionChecker jenkins() {
        return new PermissionChecker() {
            @Override
            public void checkAdminister() {
                Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            }

            @Override
            public boolean canAdminister() {
                return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
            }
        };
    }
}
