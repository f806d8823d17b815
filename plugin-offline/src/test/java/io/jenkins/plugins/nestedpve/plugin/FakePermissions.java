package io.jenkins.plugins.nestedpve.plugin;

import hudson.model.Item;
import org.springframework.security.access.AccessDeniedException;

/** A permission gate that either admits everyone or no one, and counts how often it was asked. */
final class FakePermissions implements PermissionChecker {
    private final boolean admin;
    int checks;

    private FakePermissions(boolean admin) {
        this.admin = admin;
    }

    static FakePermissions admin() {
        return new FakePermissions(true);
    }

    static FakePermissions nobody() {
        return new FakePermissions(false);
    }

    @Override
    public void checkAdminister() {
        checks++;
        if (!admin) {
            throw new AccessDeniedException("anonymous is missing the Overall/Administer permission");
        }
    }

    @Override
    public boolean canAdminister() {
        checks++;
        return admin;
    }

    @Override
    public void checkConfigure(Item item) {
        checks++;
        if (!admin) {
            throw new AccessDeniedException("anonymous is missing the Job/Configure permission");
        }
    }

    @Override
    public boolean canConfigure(Item item) {
        checks++;
        return admin;
    }
}
