package io.jenkins.plugins.nestedpve.plugin;

import io.jenkins.plugins.nestedpve.ledger.Lease;
import io.jenkins.plugins.nestedpve.ledger.LeaseReleaser;
import java.util.Map;

/**
 * The Jenkins facts a lease carries in the core's lease store: the build that holds it and the host's id; and the
 * holders the core's {@link LeaseReleaser} asks about: builds.
 */
final class LeaseTags {
    /** The build's externalizable id, e.g. {@code folder/job#12}. */
    static final String BUILD = "build";
    /** The id of the {@link PveHostConfig}. */
    static final String HOST = "host";

    private LeaseTags() {}

    static Map<String, String> of(String buildId, String hostId) {
        return Map.of(BUILD, buildId, HOST, hostId);
    }

    static String build(Lease lease) {
        return lease.tags().getOrDefault(BUILD, "");
    }

    static String host(Lease lease) {
        return lease.tags().getOrDefault(HOST, "");
    }

    /** Builds as the holders of leases: running while {@code liveness} says so. */
    static LeaseReleaser.Holders builds(BuildLiveness liveness) {
        return new LeaseReleaser.Holders() {
            @Override
            public boolean isRunning(Lease lease) {
                return liveness.isRunning(build(lease));
            }

            @Override
            public String name(Lease lease) {
                return "build " + build(lease);
            }

            @Override
            public String where(Lease lease) {
                return "host '" + host(lease) + "'";
            }
        };
    }
}
