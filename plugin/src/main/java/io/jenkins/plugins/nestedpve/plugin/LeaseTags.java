package io.jenkins.plugins.nestedpve.plugin;

import io.jenkins.plugins.nestedpve.ledger.Lease;
import java.util.Map;

/** The Jenkins facts a lease carries in the core's lease store: the build that holds it and the host's id. */
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
}
