package io.jenkins.plugins.nestedpve.sim.ssh.vfs;

import io.jenkins.plugins.nestedpve.sim.shell.VirtualFs;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An open virtual file: the content is copied in at open time and, when the channel was opened
 * for writing, written back to the {@link VirtualFs} as one write when it is closed (so observers
 * see the uploaded file whole). Content is UTF-8 text, like everything in the simulated machines.
 */
final class VfsChannel implements SeekableByteChannel {
    private final VirtualFs fs;
    private final String path;
    private final boolean writable;
    private final boolean append;
    private byte[] data;
    private int size;
    private long position;
    private boolean open = true;
    private boolean dirty;

    VfsChannel(VirtualFs fs, String path, byte[] initial, boolean writable, boolean append) {
        this.fs = fs;
        this.path = path;
        this.data = initial;
        this.size = initial.length;
        this.writable = writable;
        this.append = append;
        this.dirty = writable;
    }

    private void ensureOpen() throws ClosedChannelException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }

    @Override
    public synchronized int read(ByteBuffer dst) throws ClosedChannelException {
        ensureOpen();
        if (position >= size) {
            return -1;
        }
        int n = (int) Math.min(dst.remaining(), size - position);
        dst.put(data, (int) position, n);
        position += n;
        return n;
    }

    @Override
    public synchronized int write(ByteBuffer src) throws ClosedChannelException {
        ensureOpen();
        if (!writable) {
            throw new NonWritableChannelException();
        }
        if (append) {
            position = size;
        }
        int n = src.remaining();
        int end = (int) position + n;
        if (end > data.length) {
            data = Arrays.copyOf(data, Math.max(end, data.length * 2));
        }
        if (position > size) {
            Arrays.fill(data, size, (int) position, (byte) 0);
        }
        src.get(data, (int) position, n);
        position = end;
        size = Math.max(size, end);
        dirty = true;
        return n;
    }

    @Override
    public synchronized long position() throws ClosedChannelException {
        ensureOpen();
        return position;
    }

    @Override
    public synchronized SeekableByteChannel position(long newPosition) throws ClosedChannelException {
        ensureOpen();
        position = newPosition;
        return this;
    }

    @Override
    public synchronized long size() throws ClosedChannelException {
        ensureOpen();
        return size;
    }

    @Override
    public synchronized SeekableByteChannel truncate(long newSize) throws ClosedChannelException {
        ensureOpen();
        if (newSize < size) {
            size = (int) newSize;
            dirty = true;
        }
        position = Math.min(position, newSize);
        return this;
    }

    @Override
    public synchronized boolean isOpen() {
        return open;
    }

    /** Writes the content back (once); closing twice is harmless. */
    @Override
    public synchronized void close() {
        if (!open) {
            return;
        }
        open = false;
        if (dirty) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(size);
            out.write(data, 0, size);
            fs.write(path, out.toString(StandardCharsets.UTF_8));
        }
    }
}
