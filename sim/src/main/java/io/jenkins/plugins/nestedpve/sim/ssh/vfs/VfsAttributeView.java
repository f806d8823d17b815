package io.jenkins.plugins.nestedpve.sim.ssh.vfs;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileOwnerAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/** The posix/basic/owner view of a virtual file; setters are accepted and ignored. */
final class VfsAttributeView implements PosixFileAttributeView {
    private final VfsFileSystemProvider provider;
    private final Path path;

    private VfsAttributeView(VfsFileSystemProvider provider, Path path) {
        this.provider = provider;
        this.path = path;
    }

    @SuppressWarnings("unchecked")
    static <V extends FileAttributeView> V of(VfsFileSystemProvider provider, Path path, Class<V> type) {
        if (type == PosixFileAttributeView.class
                || type == BasicFileAttributeView.class
                || type == FileOwnerAttributeView.class) {
            return (V) new VfsAttributeView(provider, path);
        }
        return null;
    }

    @Override
    public String name() {
        return "posix";
    }

    @Override
    public PosixFileAttributes readAttributes() throws IOException {
        return provider.attributes(path);
    }

    @Override
    public void setTimes(FileTime lastModifiedTime, FileTime lastAccessTime, FileTime createTime) throws IOException {
        provider.attributes(path);
    }

    @Override
    public void setPermissions(Set<PosixFilePermission> perms) throws IOException {
        provider.attributes(path);
    }

    @Override
    public void setGroup(GroupPrincipal group) throws IOException {
        provider.attributes(path);
    }

    @Override
    public UserPrincipal getOwner() throws IOException {
        return provider.attributes(path).owner();
    }

    @Override
    public void setOwner(UserPrincipal owner) throws IOException {
        provider.attributes(path);
    }
}
