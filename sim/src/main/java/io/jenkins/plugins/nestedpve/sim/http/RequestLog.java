package io.jenkins.plugins.nestedpve.sim.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The simulator's API request log: the latest entries in memory (bounded) and, optionally, every
 * entry as one JSON line in a file. Thread-safe; one log may be shared by the servers of all
 * simulated nodes. Never holds secrets (see {@link LogEntry}). Closing closes the file only; the
 * in-memory entries stay readable.
 */
public final class RequestLog implements AutoCloseable {
    /** Entries kept in memory by default. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final int capacity;
    private final Deque<LogEntry> entries = new ArrayDeque<>();
    private final ObjectMapper mapper = new ObjectMapper();
    private final Path file;
    private Writer writer;
    private long total;

    private RequestLog(int capacity, Path file, Writer writer) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.file = file;
        this.writer = writer;
    }

    /** A log kept in memory only, with {@link #DEFAULT_CAPACITY} entries. */
    public static RequestLog inMemory() {
        return inMemory(DEFAULT_CAPACITY);
    }

    /** A log kept in memory only, keeping the latest {@code capacity} entries. */
    public static RequestLog inMemory(int capacity) {
        return new RequestLog(capacity, null, null);
    }

    /**
     * A log that also appends JSON lines to {@code file} (created with its parent directories,
     * appended to when it exists).
     */
    public static RequestLog toFile(Path file, int capacity) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Writer w = Files.newBufferedWriter(
                    file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return new RequestLog(capacity, file, w);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot open request log " + file + " for appending - check the directory is writable", e);
        }
    }

    /** Records one entry (and writes its JSON line when a file is configured). */
    public synchronized void add(LogEntry entry) {
        entries.addLast(entry);
        total++;
        while (entries.size() > capacity) {
            entries.removeFirst();
        }
        if (writer != null) {
            try {
                writer.write(mapper.writeValueAsString(entry.toJson()));
                writer.write('\n');
                writer.flush();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot encode request log entry", e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write request log " + file, e);
            }
        }
    }

    /** A snapshot of the entries in memory, oldest first. */
    public synchronized List<LogEntry> entries() {
        return List.copyOf(entries);
    }

    /** The entries in memory that failed schema validation; empty when every request validated. */
    public synchronized List<LogEntry> schemaRejections() {
        return entries.stream().filter(LogEntry::schemaRejected).toList();
    }

    /** Entries recorded since creation, including those no longer in memory. */
    public synchronized long total() {
        return total;
    }

    /** Forgets the entries in memory (the file is kept). */
    public synchronized void clear() {
        entries.clear();
    }

    /** The log file, or {@code null}. */
    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close request log " + file, e);
            } finally {
                writer = null;
            }
        }
    }

    @Override
    public String toString() {
        return "RequestLog[" + (file == null ? "memory" : file) + ", capacity=" + capacity + "]";
    }
}
