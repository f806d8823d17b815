package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.ledger.FileLedger;
import io.jenkins.plugins.nestedpve.cluster.MarkerKey;
import io.jenkins.plugins.nestedpve.cluster.SafeFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * This installation of nested-pve: a directory ({@code $NESTED_PVE_HOME} or {@code
 * ~/.config/nested-pve}) holding its UUID and its marker key ({@value #KEY_FILE}, mode 600), both
 * created on first use, and its VM ledger. Every VM it creates carries the UUID in its ownership
 * marker, signed with the key; {@code reap} and {@code down} destroy only VMs whose marker the key
 * verifies. Losing the key disowns every VM created before (they are listed, never destroyed).
 */
final class Installation {
    static final String ID_FILE = "installation-id";
    static final String LEDGER_FILE = "ledger.jsonl";
    static final String KEY_FILE = "marker-key";

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

    /**
     * The key that signs this installation's ownership markers, created (mode 600) on first use.
     *
     * @throws CliException when the key file is readable by others, not a key, or cannot be written
     */
    MarkerKey markerKey() {
        Path file = home.resolve(KEY_FILE);
        try {
            if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                try {
                    SafeFiles.create(file, MarkerKey.generate().encoded() + "\n", SafeFiles.Visibility.PRIVATE);
                } catch (FileAlreadyExistsException e) {
                    // another process created it first: use theirs
                }
            }
            if (!SafeFiles.ownerOnly(file)) {
                throw new CliException(
                        ExitCodes.USAGE,
                        file + " (the key that signs this installation's ownership markers) is readable by others:"
                                + " run 'chmod 600 " + file + "'");
            }
            return MarkerKey.decode(SafeFiles.read(file));
        } catch (IOException e) {
            throw new CliException(
                    ExitCodes.USAGE,
                    "cannot use the marker key " + file + ": " + e.getMessage() + " — set " + CliContext.HOME_VARIABLE
                            + " to a writable directory on a local file system");
        } catch (IllegalArgumentException e) {
            throw new CliException(
                    ExitCodes.USAGE,
                    file + " does not hold a marker key (" + e.getMessage() + ") — restore it from a backup (VMs"
                            + " signed with the old key are no longer destroyed by this installation), or delete it"
                            + " to start a new key");
        }
    }

    /** Opens the ledger ({@code ledger.jsonl} in the installation directory). */
    FileLedger openLedger() {
        return FileLedger.open(home.resolve(LEDGER_FILE));
    }
}
