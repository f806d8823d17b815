package io.jenkins.plugins.nestedpve.cluster;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Writes files so that nobody else with access to the directory can redirect or read them: the
 * content goes to a new file with an unpredictable name created in the target's directory (never
 * an existing file, never through a symbolic link), through the handle that created it (never
 * reopened by path), is forced to disk, and is renamed over the target (a symbolic link at the
 * target is replaced, not followed). A {@link Visibility#PRIVATE private} file is created with
 * mode 600 on POSIX file systems, with an ACL granting only its owner elsewhere, and refused where
 * neither exists.
 */
public final class SafeFiles {
    /** Who may read the file. */
    public enum Visibility {
        /** Secrets: the owner only. */
        PRIVATE,
        /** The umask decides (descriptors, inventories, the ledger). */
        NORMAL
    }

    /** How a private file can be protected on a file store. */
    enum Protection {
        POSIX,
        ACL,
        NONE
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SafeFiles() {}

    /** Writes {@code text} (UTF-8) to {@code target}, replacing it atomically. */
    public static Path write(Path target, String text, Visibility visibility) throws IOException {
        return write(target, text.getBytes(StandardCharsets.UTF_8), visibility, true);
    }

    /**
     * Writes {@code text} to {@code target} only when no file is there yet.
     *
     * @throws java.nio.file.FileAlreadyExistsException when it exists (e.g. written meanwhile by
     *     another process)
     */
    public static Path create(Path target, String text, Visibility visibility) throws IOException {
        return write(target, text.getBytes(StandardCharsets.UTF_8), visibility, false);
    }

    private static Path write(Path target, byte[] content, Visibility visibility, boolean replace) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Protection protection =
                visibility == Visibility.PRIVATE ? protection(Files.getFileStore(dir)) : Protection.POSIX;
        if (protection == Protection.NONE) {
            throw new AccessDeniedException(
                    target.toString(),
                    null,
                    "the file system supports neither POSIX permissions nor ACLs, so the secret could not be kept"
                            + " private — use a directory on another file system");
        }
        Path tmp = dir.resolve("." + target.getFileName() + "." + HexFormat.of().formatHex(randomBytes()) + ".tmp");
        Set<OpenOption> options =
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        boolean privatePosix = visibility == Visibility.PRIVATE && protection == Protection.POSIX;
        FileAttribute<?>[] attributes = privatePosix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        boolean interrupted = Thread.interrupted(); // a channel would close on a pending interrupt
        try (FileChannel out = FileChannel.open(tmp, options, attributes)) {
            if (visibility == Visibility.PRIVATE && protection == Protection.ACL) {
                ownerOnlyAcl(tmp);
            }
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
            out.close();
            move(tmp, target, replace);
            return target;
        } finally {
            Files.deleteIfExists(tmp);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void move(Path tmp, Path target, boolean replace) throws IOException {
        if (replace) {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.move(tmp, target); // fails when the target exists
        }
    }

    static Protection protection(FileStore store) {
        return protection(
                store.supportsFileAttributeView(PosixFileAttributeView.class),
                store.supportsFileAttributeView(AclFileAttributeView.class));
    }

    static Protection protection(boolean posix, boolean acl) {
        return posix ? Protection.POSIX : acl ? Protection.ACL : Protection.NONE;
    }

    private static void ownerOnlyAcl(Path file) throws IOException {
        AclFileAttributeView view = Files.getFileAttributeView(file, AclFileAttributeView.class);
        AclEntry owner = AclEntry.newBuilder()
                .setType(AclEntryType.ALLOW)
                .setPrincipal(view.getOwner())
                .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                .build();
        view.setAcl(List.of(owner));
    }

    /**
     * Whether {@code file} is readable by its owner only (always true where POSIX permissions do
     * not exist: its ACL was set when it was written).
     */
    public static boolean ownerOnly(Path file) throws IOException {
        PosixFileAttributeView view =
                Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return true;
        }
        Set<PosixFilePermission> perms = view.readAttributes().permissions();
        return OWNER_ONLY.containsAll(perms);
    }

    /** Reads {@code file} (UTF-8) without following a symbolic link at its place. */
    public static String read(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(in.size()));
            while (buffer.hasRemaining() && in.read(buffer) >= 0) {
                // read until full or end of file
            }
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return b;
    }
}
