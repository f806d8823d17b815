package io.jenkins.plugins.nestedpve.plugin;

import hudson.model.Item;
import jenkins.model.Jenkins;
import org.springframework.security.access.AccessDeniedException;

/**
 * The permission gate of every form handler: the host form (credentials, connections, configuration) is for
 * administrators; the step forms of the snippet generator are for those who may configure the job (administrators
 * when there is no job, as on the global Pipeline Syntax page). The default asks Jenkins; tests pass a fake to
 * observe the checks.
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

    /**
     * Returns normally when the current user may configure {@code item}, or administer Jenkins when {@code item}
     * is null.
     *
     * @throws AccessDeniedException otherwise (Stapler answers 403)
     */
    void checkConfigure(Item item);

    /** As {@link #checkConfigure(Item)}, answering instead of throwing. */
    boolean canConfigure(Item item);

    /** {@code Jenkins.ADMINISTER} on Jenkins and {@code Item.CONFIGURE} on the item, asked of Jenkins. */
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

            @Override
            public void checkConfigure(Item item) {
                if (item == null) {
                    checkAdminister();
                } else {
                    item.checkPermission(Item.CONFIGURE);
                }
            }

            @Override
            public boolean canConfigure(Item item) {
                return item == null ? canAdminister() : item.hasPermission(Item.CONFIGURE);
            }
        };
    }
}
