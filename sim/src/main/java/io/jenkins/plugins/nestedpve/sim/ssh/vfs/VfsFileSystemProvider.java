package io.jenkins.plugins.nestedpve.sim.ssh.vfs;

import io.jenkins.plugins.nestedpve.sim.shell.VirtualFs;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.spi.FileSystemProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The NIO provider behind {@link VfsFileSystem}; permissions, owners and times are not stored. */
final class VfsFileSystemProvider extends FileSystemProvider {
    static final String SCHEME = "simvfs";

    @Override
    public String getScheme() {
        return SCHEME;
    }

    private static VfsPath vfsPath(Path path) {
        if (!(path instanceof VfsPath p)) {
            throw new ProviderMismatchException("not a simulator path: " + path);
        }
        return p;
    }

    private static VirtualFs fs(Path path) {
        return vfsPath(path).getFileSystem().vfs();
    }

    private static String parent(String key) {
        return VirtualFs.resolve(key, "..");
    }

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
        throw new UnsupportedOperationException("simulator file systems are created per machine");
    }

    @Override
    public FileSystem getFileSystem(URI uri) {
        throw new UnsupportedOperationException("simulator file systems are not looked up by URI");
    }

    @Override
    public Path getPath(URI uri) {
        throw new UnsupportedOperationException("simulator paths are not looked up by URI");
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        VirtualFs fs = fs(path);
        String key = vfsPath(path).key();
        boolean write = options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND);
        boolean exists = fs.isFile(key);
        if (fs.isDirectory(key)) {
            throw new IOException(key + ": Is a directory");
        }
        if (!exists
                && (!write
                        || !(options.contains(StandardOpenOption.CREATE)
                                || options.contains(StandardOpenOption.CREATE_NEW)))) {
            throw new NoSuchFileException(key);
        }
        if (exists && options.contains(StandardOpenOption.CREATE_NEW)) {
            throw new FileAlreadyExistsException(key);
        }
        if (!fs.isDirectory(parent(key))) {
            throw new NoSuchFileException(key);
        }
        boolean truncate = options.contains(StandardOpenOption.TRUNCATE_EXISTING);
        byte[] initial =
                exists && !(write && truncate) ? fs.read(key).orElse("").getBytes(StandardCharsets.UTF_8) : new byte[0];
        return new VfsChannel(fs, key, initial, write, options.contains(StandardOpenOption.APPEND));
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        VirtualFs fs = fs(dir);
        String key = vfsPath(dir).key();
        if (!fs.isDirectory(key)) {
            throw new NoSuchFileException(key);
        }
        List<Path> entries = new ArrayList<>();
        for (String name : fs.list(key)) {
            Path child = dir.resolve(name);
            if (filter == null || filter.accept(child)) {
                entries.add(child);
            }
        }
        return new DirectoryStream<>() {
            @Override
            public java.util.Iterator<Path> iterator() {
                return entries.iterator();
            }

            @Override
            public void close() {
                // nothing to release
            }
        };
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        VirtualFs fs = fs(dir);
        String key = vfsPath(dir).key();
        if (fs.exists(key)) {
            throw new FileAlreadyExistsException(key);
        }
        if (!fs.isDirectory(parent(key))) {
            throw new NoSuchFileException(key);
        }
        fs.mkdir(key);
    }

    @Override
    public void delete(Path path) throws IOException {
        VirtualFs fs = fs(path);
        String key = vfsPath(path).key();
        if (fs.isDirectory(key) && !fs.list(key).isEmpty()) {
            throw new DirectoryNotEmptyException(key);
        }
        if (!fs.delete(key) && !fs.isDirectory(key)) {
            throw new NoSuchFileException(key);
        }
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        VirtualFs fs = fs(source);
        String from = vfsPath(source).key();
        String to = vfsPath(target).key();
        if (!fs.isFile(from)) {
            throw new NoSuchFileException(from);
        }
        fs.write(to, fs.read(from).orElse(""));
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        VirtualFs fs = fs(source);
        String from = vfsPath(source).key();
        String to = vfsPath(target).key();
        if (fs.isDirectory(from)) {
            String prefix = from + "/";
            fs.mkdir(to);
            fs.snapshot().forEach((p, content) -> {
                if (p.startsWith(prefix)) {
                    fs.write(to + "/" + p.substring(prefix.length()), content);
                }
            });
            fs.deleteTree(from);
            return;
        }
        copy(source, target, options);
        fs.delete(from);
    }

    @Override
    public boolean isSameFile(Path path, Path path2) {
        return vfsPath(path).key().equals(vfsPath(path2).key());
    }

    @Override
    public boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    @Override
    public FileStore getFileStore(Path path) {
        throw new UnsupportedOperationException("the simulator has no file stores");
    }

    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
        String key = vfsPath(path).key();
        if (!fs(path).exists(key)) {
            throw new NoSuchFileException(key);
        }
    }

    VfsAttributes attributes(Path path) throws NoSuchFileException {
        VfsPath p = vfsPath(path);
        VirtualFs fs = p.getFileSystem().vfs();
        String key = p.key();
        if (!fs.exists(key)) {
            throw new NoSuchFileException(key);
        }
        FileTime time = FileTime.from(p.getFileSystem().clock().instant());
        return new VfsAttributes(fs.isDirectory(key), fs.read(key).orElse(""), time);
    }

    @Override
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        return VfsAttributeView.of(this, path, type);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
            throws IOException {
        if (type != BasicFileAttributes.class && type != PosixFileAttributes.class) {
            throw new UnsupportedOperationException("attributes " + type.getSimpleName() + " not supported");
        }
        return (A) attributes(path);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        int colon = attributes.indexOf(':');
        String view = colon < 0 ? "basic" : attributes.substring(0, colon);
        String names = colon < 0 ? attributes : attributes.substring(colon + 1);
        if (!view.equals("basic") && !view.equals("posix")) {
            throw new UnsupportedOperationException("view " + view + " not supported");
        }
        Map<String, Object> all = attributes(path).asMap(view.equals("posix"));
        if (names.equals("*")) {
            return all;
        }
        Map<String, Object> selected = new java.util.LinkedHashMap<>();
        for (String name : names.split(",")) {
            if (all.containsKey(name)) {
                selected.put(name, all.get(name));
            }
        }
        return selected;
    }

    /** Modes, owners and times are not kept; setting them only checks that the file exists. */
    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
        attributes(path);
    }
}
