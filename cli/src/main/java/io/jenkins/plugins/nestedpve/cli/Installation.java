package io.jenkins.plugins.nestedpve.cli;

import io.jenkins.plugins.nestedpve.cluster.MarkerKey;
import io.jenkins.plugins.nestedpve.cluster.SafeFiles;
import io.jenkins.plugins.nestedpve.install.InstallationHome;
import io.jenkins.plugins.nestedpve.ledger.LedgerException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

/**
 * This installation of nested-pve: a directory ({@code $NESTED_PVE_HOME} or {@code
 * ~/.config/nested-pve}) holding its id and ledger with leases (the core's {@link InstallationHome},
 * the same layout the Jenkins plugin keeps in {@code $JENKINS_HOME/nested-pve}) and its marker key
 * ({@value #KEY_FILE}, mode 600), all created on first use. Every VM it creates carries the id in its
 * ownership marker, signed with the key; {@code reap} and {@code down} destroy only VMs whose marker
 * the key verifies. Losing the key disowns every VM created before (they are listed, never destroyed).
 */
final class Installation {
    static final String KEY_FILE = "marker-key";

    private final InstallationHome home;

    private Installation(InstallationHome home) {
        this.home = home;
    }

    /** {@link #at(Path, Clock)} with the system clock. */
    static Installation at(Path home) {
        return at(home, Clock.systemUTC());
    }

    /**
     * Opens the installation at {@code home}, creating its directory, id and ledger on first use.
     *
     * @throws CliException when the directory, the id or the ledger cannot be read or written
     */
    static Installation at(Path home, Clock clock) {
        try {
            return new Installation(InstallationHome.open(home, clock));
        } catch (LedgerException e) {
            throw new CliException(
                    ExitCodes.USAGE,
                    e.getMessage() + " (or set " + CliContext.HOME_VARIABLE + " to another directory)");
        }
    }

    /** The directory, its id, its ledger and leases. */
    InstallationHome home() {
        return home;
    }

    UUID id() {
        return home.id();
    }

    /**
     * The key that signs this installation's ownership markers, created (mode 600) on first use.
     *
     * @throws CliException when the key file is readable by others, not a key, or cannot be written
     */
    MarkerKey markerKey() {
        Path file = home.dir().resolve(KEY_FILE);
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
}
