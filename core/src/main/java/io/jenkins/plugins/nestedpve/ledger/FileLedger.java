package io.jenkins.plugins.nestedpve.ledger;

import io.jenkins.plugins.nestedpve.cluster.SafeFiles;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The ledger and its leases in one JSON-lines file ({@link LedgerLines} describes the two kinds of line), shared
 * in format by the CLI ({@code ledger.jsonl} in its installation directory) and the Jenkins plugin ({@code
 * $JENKINS_HOME/nested-pve/ledger.jsonl}). Each record is one append-mode write forced to disk ({@link
 * java.io.FileDescriptor#sync}) before {@link #record} returns, so it survives a crash of the process. A line torn
 * by a crash is skipped when reading and fenced off with a newline when the file is opened again. Thread-safe
 * within the process; other processes may append to the same file (each record is one small append, and the
 * file is reopened for each, so a {@link #compact} by another instance never swallows it).
 */
public final class FileLedger implements LeaseLedger {
    private final Path file;
    private boolean closed;
    private int skippedLines;

    private FileLedger(Path file) throws IOException {
        this.file = file;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        fenceTornTail();
    }

    /**
     * Opens (creating if needed) the ledger at {@code file}.
     *
     * @throws LedgerException when the file cannot be opened
     */
    public static FileLedger open(Path file) {
        try {
            return new FileLedger(Objects.requireNonNull(file, "file"));
        } catch (IOException e) {
            throw new LedgerException(
                    "cannot open the VM ledger " + file + ": " + e.getMessage()
                            + " — check that the directory exists and is writable",
                    e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void record(LedgerEntry entry) {
        append(
                LedgerLines.vm(entry),
                "VM " + entry.vmid() + " (" + entry.node() + ") may exist unrecorded; destroy it by hand if so");
    }

    @Override
    public synchronized void record(Lease lease) {
        append(LedgerLines.lease(lease), "lease " + lease.id() + " of cluster " + lease.cluster() + " is unrecorded");
    }

    @Override
    public synchronized List<LedgerEntry> entries() {
        return read().entries();
    }

    @Override
    public synchronized List<Lease> leaseRecords() {
        return read().leases();
    }

    /** Lines the last read could not understand (torn by a crash or edited by hand). */
    public synchronized int skippedLines() {
        return skippedLines;
    }

    /** {@link #compact(Predicate)} keeping the live leases. */
    public void compact() {
        compact(Lease::isLive);
    }

    /**
     * Rewrites the file with only the {@link #live()} VM entries and the latest snapshot of each lease {@code keep}
     * accepts (atomically: a temporary file moved into place), so that it does not grow forever.
     */
    @Override
    public synchronized void compact(Predicate<Lease> keep) {
        LedgerLines.Content content = read();
        Map<String, Lease> latest = new LinkedHashMap<>();
        content.leases().forEach(l -> latest.put(l.id(), l));
        StringBuilder text = new StringBuilder();
        latest.values().stream()
                .filter(keep)
                .forEach(l -> text.append(LedgerLines.lease(l)).append('\n'));
        live().forEach(e -> text.append(LedgerLines.vm(e)).append('\n'));
        try {
            SafeFiles.write(file, text.toString(), SafeFiles.Visibility.NORMAL);
        } catch (IOException e) {
            throw new LedgerException("cannot compact the VM ledger " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    private LedgerLines.Content read() {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LedgerException("cannot read the VM ledger " + file + ": " + e.getMessage(), e);
        }
        List<LedgerEntry> entries = new ArrayList<>();
        List<Lease> leases = new ArrayList<>();
        int skipped = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            Object parsed = LedgerLines.parse(line);
            if (parsed instanceof LedgerEntry e) {
                entries.add(e);
            } else if (parsed instanceof Lease l) {
                leases.add(l);
            } else {
                skipped++;
            }
        }
        skippedLines = skipped;
        return new LedgerLines.Content(List.copyOf(entries), List.copyOf(leases), skipped);
    }

    /**
     * One append, forced to disk. A plain stream, not a {@link FileChannel}: a channel is closed for good when the
     * thread using it is interrupted, and the ledger must keep recording while a cancelled provisioning (an
     * interrupted thread) destroys what it made.
     */
    private void append(String json, String consequence) {
        if (closed) {
            throw new IllegalStateException("the ledger " + file + " is closed");
        }
        byte[] line = (json + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileOutputStream out = new FileOutputStream(file.toFile(), true)) {
            out.write(line);
            out.getFD().sync();
        } catch (IOException e) {
            throw new LedgerException(
                    "cannot append to the VM ledger " + file + ": " + e.getMessage()
                            + " — check free space and permissions; " + consequence,
                    e);
        }
    }

    /** After a crash mid-write the last line lacks its newline; end it so the next entry starts clean. */
    private void fenceTornTail() throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            return;
        }
        try (FileChannel read = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            read.read(last, size - 1);
            if (last.get(0) != '\n') {
                try (FileOutputStream out = new FileOutputStream(file.toFile(), true)) {
                    out.write('\n');
                    out.getFD().sync();
                }
            }
        }
    }

    @Override
    public String toString() {
        return "the ledger " + file;
    }
}
