package io.jenkins.plugins.nestedpve.plugin;

/** The global configuration without Jenkins' XML persistence: counts saves, loads nothing. */
class InMemoryConfiguration extends NestedPveGlobalConfiguration {
    int saves;

    InMemoryConfiguration(PermissionChecker permissions, ValidationRenderer renderer) {
        super(permissions, renderer);
    }

    @Override
    public synchronized void load() {
        // nothing saved yet
    }

    @Override
    public synchronized void save() {
        saves++;
    }
}
