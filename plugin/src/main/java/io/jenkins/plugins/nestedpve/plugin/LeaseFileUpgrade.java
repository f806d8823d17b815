package io.jenkins.plugins.nestedpve.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.nestedpve.install.InstallationHome;
import io.jenkins.plugins.nestedpve.ledger.Lease;
import io.jenkins.plugins.nestedpve.ledger.LeaseState;
import io.jenkins.plugins.nestedpve.ledger.LedgerEntry;
import io.jenkins.plugins.nestedpve.spec.HostRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Opens the installation in {@code $JENKINS_HOME/nested-pve}, converting once the lease file that versions before
 * the shared ledger wrote there ({@value #OLD_FILE}: {@code {"format":1,"owner":"<installation id>","leases":[{"id",
 * "build","host","cluster","vmids","created","state","expires","updated"}]}}): its owner id becomes the
 * installation id (so the guests' ownership markers still name this installation), every lease not yet released
 * goes into the lease store with its build and host, and each of its VMIDs into the ledger. The old file is then
 * renamed to {@code leases.json.converted-<millis>}. Converting again (a crash before the rename) changes nothing.
 */
final class LeaseFileUpgrade {
    /** Where the installation lives below the Jenkins root directory. */
    static final String DIRECTORY = "nested-pve";

    static final String OLD_FILE = "leases.json";

    private LeaseFileUpgrade() {}

    /**
     * @param hosts the configured hosts, to record a converted VM on the host the engine knows it by
     * @param warn told what was converted, or that the old file was unreadable (moved aside; the periodic reaper
     *     still finds leftover guests by their ownership marker)
     */
    static InstallationHome open(Path dir, HostDirectory hosts, Clock clock, Consumer<String> warn) {
        Path old = dir.resolve(OLD_FILE);
        if (!Files.exists(old)) {
            return InstallationHome.open(dir, clock);
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(old.toFile());
            if (root == null || root.path("format").asInt() != 1) {
                throw new IOException("not a lease file of format 1");
            }
            InstallationHome.adoptId(dir, UUID.fromString(root.path("owner").asText()));
        } catch (IOException | IllegalArgumentException e) {
            warn.accept("Lease file " + old + " of an older version is unreadable (" + e.getMessage()
                    + "); moved it to " + moveAside(old, ".unreadable-", clock)
                    + ". Check the hosts for guests with the nested-pve tag.");
            return InstallationHome.open(dir, clock);
        }
        InstallationHome home = InstallationHome.open(dir, clock);
        int converted = 0;
        for (JsonNode n : root.path("leases")) {
            converted += convert(home, n, hosts) ? 1 : 0;
        }
        warn.accept("Converted " + converted + " live lease(s) from " + old + " into "
                + home.ledger().file() + "; the old file is now " + moveAside(old, ".converted-", clock) + ".");
        return home;
    }

    private static boolean convert(InstallationHome home, JsonNode n, HostDirectory hosts) {
        LeaseState state = LeaseState.valueOf(n.path("state").asText());
        if (state == LeaseState.RELEASED) {
            return false;
        }
        String id = n.path("id").asText();
        String cluster = n.path("cluster").asText();
        String hostId = n.path("host").asText();
        Instant updated = Instant.parse(n.path("updated").asText());
        Instant kept = n.hasNonNull("expires") ? Instant.parse(n.get("expires").asText()) : null;
        home.leases()
                .restore(new Lease(
                        id,
                        cluster,
                        state,
                        Instant.parse(n.path("created").asText()),
                        kept,
                        updated,
                        LeaseTags.of(n.path("build").asText(), hostId),
                        List.of()));
        Optional<HostRef> host = configured(hosts, hostId);
        for (JsonNode v : n.path("vmids")) {
            // a host no longer configured: the lease still lists the VMID, and its teardown says to add the host back
            home.ledger()
                    .record(new LedgerEntry(
                            id,
                            cluster,
                            host.map(HostRef::id).orElse(hostId),
                            host.map(HostRef::node).orElse(""),
                            v.asInt(),
                            "vm-" + v.asInt(),
                            LedgerEntry.State.CREATED,
                            updated));
        }
        return true;
    }

    /**
     * The host as the engine refers to it, when configured and readable now. Otherwise the VM is recorded under the
     * host's id: the lease still lists it, and its teardown finds the guests by their ownership marker.
     */
    private static Optional<HostRef> configured(HostDirectory hosts, String hostId) {
        try {
            return hosts.host(hostId).map(h -> HostAccess.ref(h, null));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Path moveAside(Path old, String suffix, Clock clock) {
        Path aside = old.resolveSibling(old.getFileName() + suffix + clock.millis());
        try {
            Files.move(old, aside, StandardCopyOption.REPLACE_EXISTING);
            return aside;
        } catch (IOException e) {
            throw new IllegalStateException("cannot move the old lease file " + old + " aside: " + e.getMessage(), e);
        }
    }
}
