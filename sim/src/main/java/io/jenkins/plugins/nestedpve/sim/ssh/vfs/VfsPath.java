package io.jenkins.plugins.nestedpve.sim.ssh.vfs;

import java.io.IOException;
import java.net.URI;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.util.List;
import org.apache.sshd.common.file.util.BasePath;

/** A path in a {@link VfsFileSystem}. */
final class VfsPath extends BasePath<VfsPath, VfsFileSystem> {
    VfsPath(VfsFileSystem fs, String root, List<String> names) {
        super(fs, root, names);
    }

    /** The absolute, normalized path string as the {@code VirtualFs} keys it. */
    String key() {
        String s = toAbsolutePath().normalize().toString();
        return s.isEmpty() ? "/" : s;
    }

    @Override
    public VfsPath toRealPath(LinkOption... options) throws IOException {
        VfsPath real = toAbsolutePath().normalize();
        if (!getFileSystem().vfs().exists(real.key())) {
            throw new NoSuchFileException(real.toString());
        }
        return real;
    }

    @Override
    public URI toUri() {
        return URI.create(VfsFileSystemProvider.SCHEME + "://" + key());
    }
}
