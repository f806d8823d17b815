package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.cluster.FileLedger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * This installation of nested-pve: a directory ({@code $NESTED_PVE_HOME} or {@code
 * ~/.config/nested-pve}) holding its UUID, created on first use, and its VM ledger. Every VM it
 * creates carries the UUID in its ownership marker; {@code reap} and {@code down} destroy only VMs
 * that carry it.
 */
final class Installation {
    static final String ID_FILE = "installation-id";
    static final String LEDGER_FILE = "ledger.jsonl";

    private final Path home;
    private final UUID id;

    private Installation(Path home, UUID id) {
        this.home = home;
        this.id = id;
    }

    /**
     * Opens the installation at {@code home}, creating its directory and id on first use.
     *
     * @throws CliException when the directory or the id cannot be read or written
     */
    static Installation at(Path home) {
        Path file = home.resolve(ID_FILE);
        try {
            Files.createDirectories(home);
            if (!Files.exists(file)) {
                create(file);
            }
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return new Installation(home, UUID.fromString(text));
        } catch (IOException e) {
            throw new CliException(
                    ExitCodes.USAGE,
                    "cannot use the installation directory " + home + ": " + e.getMessage() + " — set "
                            + CliContext.HOME_VARIABLE + " to a writable directory");
        } catch (IllegalArgumentException e) {
            throw new CliException(
                    ExitCodes.USAGE,
                    file + " does not hold a UUID — restore it from a backup (VMs created with the old id are no"
                            + " longer reaped by this installation), or delete it to start a new installation");
        }
    }

    /** Writes a new id next to the file and moves it into place; a concurrent first use wins harmlessly. */
    private static void create(Path file) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), ID_FILE, ".tmp");
        try {
            Files.writeString(tmp, UUID.randomUUID() + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file);
        } catch (FileAlreadyExistsException e) {
            // another process created it first: use theirs
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    Path home() {
        return home;
    }

    UUID id() {
        return id;
    }

    /** Opens the ledger ({@code ledger.jsonl} in the installation directory). */
    FileLedger openLedger() {
        return FileLedger.open(home.resolve(LEDGER_FILE));
    }
}
