package io.jenkins.plugins.nestedpve.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Opens an installation, converting once the lease file that the Jenkins plugin's versions before the shared ledger
 * wrote in its directory ({@value #OLD_FILE}: {@code {"format":1,"owner":"<installation id>","leases":[{"id",
 * "build","host","cluster","vmids","created","state","expires","updated"}]}}): its owner id becomes the
 * installation id (so the guests' ownership markers still name this installation), every lease not yet released
 * goes into the lease store with its build and host, and each of its VMIDs into the ledger. The old file is then
 * renamed to {@code leases.json.converted-<millis>}. Converting again (a crash before the rename) changes nothing.
 */
public final class LeaseFileUpgrade {
    /** Where the plugin's installation lives below the Jenkins root directory. */
    public static final String DIRECTORY = "nested-pve";

    public static final String OLD_FILE = "leases.json";

    private LeaseFileUpgrade() {}

    /**
     * @param hosts the host the engine knows by an old lease's host id, when it is still configured and readable (a
     *     VM of another is recorded under that id: the lease still lists it, and its teardown says to add it back)
     * @param tags a lease's tags from its old build id and host id
     * @param warn told what was converted, or that the old file was unreadable (moved aside; the periodic reaper
     *     still finds leftover guests by their ownership marker)
     */
    public static InstallationHome open(
            Path dir,
            Function<String, Optional<HostRef>> hosts,
            BiFunction<String, String, Map<String, String>> tags,
            Clock clock,
            Consumer<String> warn) {
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
            converted += convert(home, n, hosts, tags) ? 1 : 0;
        }
        warn.accept("Converted " + converted + " live lease(s) from " + old + " into "
                + home.ledger().file() + "; the old file is now " + moveAside(old, ".converted-", clock) + ".");
        return home;
    }

    private static boolean convert(
            InstallationHome home,
            JsonNode n,
            Function<String, Optional<HostRef>> hosts,
            BiFunction<String, String, Map<String, String>> tags) {
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
                        tags.apply(n.path("build").asText(), hostId),
                        List.of()));
        Optional<HostRef> host = hosts.apply(hostId);
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
