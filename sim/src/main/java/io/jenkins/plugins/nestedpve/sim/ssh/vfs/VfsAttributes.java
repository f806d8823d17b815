package io.jenkins.plugins.nestedpve.sim.ssh.vfs;

import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Attributes of a virtual file: owned by root, mode 0644 (files) or 0755 (directories). */
final class VfsAttributes implements PosixFileAttributes {
    private final boolean directory;
    private final long size;
    private final FileTime time;

    VfsAttributes(boolean directory, String content, FileTime time) {
        this.directory = directory;
        this.size = directory ? 4096 : content.getBytes(StandardCharsets.UTF_8).length;
        this.time = time;
    }

    /** A principal that is both user and group (everything is owned by root). */
    record Principal(String getName) implements UserPrincipal, GroupPrincipal {}

    static Principal principal(String name) {
        return new Principal(name);
    }

    @Override
    public UserPrincipal owner() {
        return principal("root");
    }

    @Override
    public GroupPrincipal group() {
        return principal("root");
    }

    @Override
    public Set<PosixFilePermission> permissions() {
        return PosixFilePermissions.fromString(directory ? "rwxr-xr-x" : "rw-r--r--");
    }

    @Override
    public FileTime lastModifiedTime() {
        return time;
    }

    @Override
    public FileTime lastAccessTime() {
        return time;
    }

    @Override
    public FileTime creationTime() {
        return time;
    }

    @Override
    public boolean isRegularFile() {
        return !directory;
    }

    @Override
    public boolean isDirectory() {
        return directory;
    }

    @Override
    public boolean isSymbolicLink() {
        return false;
    }

    @Override
    public boolean isOther() {
        return false;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public Object fileKey() {
        return null;
    }

    /** The attributes as {@code Files.readAttributes(path, "view:*")} returns them. */
    Map<String, Object> asMap(boolean posix) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("lastModifiedTime", time);
        map.put("lastAccessTime", time);
        map.put("creationTime", time);
        map.put("size", size);
        map.put("isRegularFile", !directory);
        map.put("isDirectory", directory);
        map.put("isSymbolicLink", false);
        map.put("isOther", false);
        map.put("fileKey", null);
        if (posix) {
            map.put("permissions", permissions());
            map.put("owner", owner());
            map.put("group", group());
        }
        return map;
    }
}
