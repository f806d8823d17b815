package io.jenkins.plugins.nestedpve.sim.ssh.vfs;

import io.jenkins.plugins.nestedpve.sim.shell.VirtualFs;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.sshd.common.file.FileSystemFactory;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.sftp.server.DirectoryHandle;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpFileSystemAccessor;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.apache.sshd.sftp.server.SftpSubsystemProxy;

/**
 * SFTP over a machine's {@link VirtualFs}: a {@link FileSystemFactory} giving each session a
 * {@link VfsFileSystem}, and an accessor that opens plain byte channels (MINA's default wants
 * {@code FileChannel}s and secure directory streams, which a virtual file system does not have).
 */
public final class VfsSftp {
    private VfsSftp() {}

    /** The file system factory for {@code SshServer#setFileSystemFactory}. */
    public static FileSystemFactory fileSystemFactory(VirtualFs fs, Clock clock) {
        VfsFileSystemProvider provider = new VfsFileSystemProvider();
        return new FileSystemFactory() {
            @Override
            public Path getUserHomeDir(SessionContext session) {
                return create(session).getDefaultDir();
            }

            @Override
            public FileSystem createFileSystem(SessionContext session) {
                return create(session);
            }

            private VfsFileSystem create(SessionContext session) {
                String user = session == null ? "root" : session.getUsername();
                String home = user == null || user.equals("root") ? "/root" : "/home/" + user;
                return new VfsFileSystem(provider, fs, clock, home);
            }
        };
    }

    /** The SFTP subsystem factory for {@code SshServer#setSubsystemFactories}. */
    public static SftpSubsystemFactory subsystemFactory() {
        return new SftpSubsystemFactory.Builder()
                .withFileSystemAccessor(new Accessor())
                .build();
    }

    private static final class Accessor implements SftpFileSystemAccessor {
        @Override
        public SeekableByteChannel openFile(
                SftpSubsystemProxy subsystem,
                FileHandle fileHandle,
                Path file,
                String handle,
                Set<? extends OpenOption> options,
                FileAttribute<?>... attrs)
                throws IOException {
            Set<OpenOption> plain = new LinkedHashSet<>(options);
            plain.remove(LinkOption.NOFOLLOW_LINKS);
            return Files.newByteChannel(file, plain);
        }

        @Override
        public DirectoryStream<Path> openDirectory(
                SftpSubsystemProxy subsystem,
                DirectoryHandle dirHandle,
                Path dir,
                String handle,
                LinkOption... linkOptions)
                throws IOException {
            return Files.newDirectoryStream(dir);
        }

        @Override
        public void copyFile(SftpSubsystemProxy subsystem, Path src, Path dst, Collection<CopyOption> opts)
                throws IOException {
            Files.copy(src, dst);
        }

        @Override
        public void syncFileData(
                SftpSubsystemProxy subsystem,
                FileHandle fileHandle,
                Path file,
                String handle,
                java.nio.channels.Channel channel) {
            // the virtual file system has nothing to flush
        }
    }
}
