package io.jenkins.plugins.nestedpve.install;

import io.jenkins.plugins.nestedpve.cluster.MarkerKey;
import io.jenkins.plugins.nestedpve.ledger.FileLedger;
import io.jenkins.plugins.nestedpve.ledger.LeaseStore;
import io.jenkins.plugins.nestedpve.ledger.LedgerException;
import io.jenkins.plugins.nestedpve.lifecycle.EngineContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * One installation's directory, the same for the CLI ({@code $NESTED_PVE_HOME}) and the Jenkins plugin ({@code
 * $JENKINS_HOME/nested-pve}): its id ({@value #ID_FILE}, created on first use; every guest's ownership marker
 * names it) and its {@link FileLedger} with the leases ({@value #LEDGER_FILE}). Both adapters wire their engine
 * from here ({@link #engineContext}); each keeps its marker key its own way. Closing closes the ledger.
 */
public final class InstallationHome implements AutoCloseable {
    public static final String ID_FILE = "installation-id";
    public static final String LEDGER_FILE = "ledger.jsonl";

    private final Path dir;
    private final UUID id;
    private final FileLedger ledger;
    private final LeaseStore leases;
    private final Clock clock;

    private InstallationHome(Path dir, UUID id, FileLedger ledger, Clock clock) {
        this.dir = dir;
        this.id = id;
        this.ledger = ledger;
        this.clock = clock;
        this.leases = new LeaseStore(ledger, clock);
    }

    /**
     * Opens the installation at {@code dir}, creating the directory, its id and its ledger on first use.
     *
     * @throws LedgerException when the directory, the id or the ledger cannot be read or written, saying what to do
     */
    public static InstallationHome open(Path dir, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        UUID id = readOrCreateId(dir);
        return new InstallationHome(dir, id, FileLedger.open(dir.resolve(LEDGER_FILE)), clock);
    }

    /**
     * Makes {@code id} this directory's installation id when it has none yet (an installation moving its id here
     * from an older file); leaves an existing one alone.
     *
     * @return the id the directory has now
     */
    public static UUID adoptId(Path dir, UUID id) {
        try {
            Files.createDirectories(dir);
            create(dir.resolve(ID_FILE), id);
        } catch (IOException e) {
            throw unusable(dir, e);
        }
        return readOrCreateId(dir);
    }

    public Path dir() {
        return dir;
    }

    public UUID id() {
        return id;
    }

    public FileLedger ledger() {
        return ledger;
    }

    public LeaseStore leases() {
        return leases;
    }

    /** The engine's context of this installation: its id, clock, ledger and {@code markerKey}; adjust the rest. */
    public EngineContext.Builder engineContext(MarkerKey markerKey) {
        return EngineContext.builder(id).clock(clock).ledger(ledger).markerKey(markerKey);
    }

    @Override
    public void close() {
        ledger.close();
    }

    private static UUID readOrCreateId(Path dir) {
        Path file = dir.resolve(ID_FILE);
        try {
            Files.createDirectories(dir);
            if (!Files.exists(file)) {
                create(file, UUID.randomUUID());
            }
            return UUID.fromString(
                    Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw unusable(dir, e);
        } catch (IllegalArgumentException e) {
            throw new LedgerException(file + " does not hold a UUID — restore it from a backup (VMs created with the"
                    + " old id are no longer reaped by this installation), or delete it to start a new installation");
        }
    }

    /** Writes the id next to the file and moves it into place; a concurrent first use wins harmlessly. */
    private static void create(Path file, UUID id) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        Path tmp = Files.createTempFile(file.getParent(), ID_FILE, ".tmp");
        try {
            Files.writeString(tmp, id + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file);
        } catch (FileAlreadyExistsException e) {
            // another process created it first: use theirs
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static LedgerException unusable(Path dir, IOException e) {
        return new LedgerException(
                "cannot use the installation directory " + dir + ": " + e.getMessage() + " — make it writable", e);
    }

    @Override
    public String toString() {
        return "InstallationHome[" + dir + ", installation " + id + "]";
    }
}
