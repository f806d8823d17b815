package io.jenkins.plugins.nestedpve.sim.ssh.vfs;

import io.jenkins.plugins.nestedpve.sim.shell.VirtualFs;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.apache.sshd.common.file.util.BaseFileSystem;

/**
 * A {@link java.nio.file.FileSystem} view of a machine's {@link VirtualFs}, so that MINA's SFTP
 * subsystem reads and writes the simulated machine's files. Relative paths resolve against the
 * user's home directory, as with OpenSSH's sftp-server.
 */
final class VfsFileSystem extends BaseFileSystem<VfsPath> {
    private final VirtualFs vfs;
    private final Clock clock;
    private final String home;

    VfsFileSystem(VfsFileSystemProvider provider, VirtualFs vfs, Clock clock, String home) {
        super(provider);
        this.vfs = vfs;
        this.clock = clock;
        this.home = home;
    }

    VirtualFs vfs() {
        return vfs;
    }

    Clock clock() {
        return clock;
    }

    @Override
    public VfsPath getDefaultDir() {
        return getPath(vfs.isDirectory(home) ? home : "/");
    }

    @Override
    protected VfsPath create(String root, List<String> names) {
        return new VfsPath(this, root, names);
    }

    /** Nothing to release: the machine's file system outlives SFTP sessions. */
    @Override
    public void close() {
        // intentionally empty; closing twice is harmless
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return Set.of("basic", "posix");
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        return new UserPrincipalLookupService() {
            @Override
            public UserPrincipal lookupPrincipalByName(String name) {
                return VfsAttributes.principal(name);
            }

            @Override
            public GroupPrincipal lookupPrincipalByGroupName(String group) {
                return VfsAttributes.principal(group);
            }
        };
    }
}
