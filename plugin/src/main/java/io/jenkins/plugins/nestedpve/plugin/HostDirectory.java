package io.jenkins.plugins.nestedpve.plugin;

import java.util.List;
import java.util.Optional;

/** The configured hosts and limits as the steps and safety nets read them; a seam over the global configuration. */
public interface HostDirectory {
    /** The host with this id. */
    Optional<PveHostConfig> host(String id);

    /** Every configured host. */
    List<PveHostConfig> all();

    /** See {@link NestedPveGlobalConfiguration#getMaxNodesPerCluster()}. */
    int maxNodesPerCluster();

    /** See {@link NestedPveGlobalConfiguration#getMaxConcurrentClusters()}. */
    int maxConcurrentClusters();

    /** Reads {@link NestedPveGlobalConfiguration} at each call, so that changes apply to the next build. */
    static HostDirectory jenkins() {
        return of(NestedPveGlobalConfiguration::get);
    }

    /** Reads {@code config} at each call. */
    static HostDirectory of(java.util.function.Supplier<NestedPveGlobalConfiguration> config) {
        return new HostDirectory() {
            @Override
            public Optional<PveHostConfig> host(String id) {
                return config.get().findHost(id);
            }

            @Override
            public List<PveHostConfig> all() {
                return config.get().getHosts();
            }

            @Override
            public int maxNodesPerCluster() {
                return config.get().getMaxNodesPerCluster();
            }

            @Override
            public int maxConcurrentClusters() {
                return config.get().getMaxConcurrentClusters();
            }
        };
    }
}
