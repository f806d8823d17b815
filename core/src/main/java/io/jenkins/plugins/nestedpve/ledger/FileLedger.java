package io.jenkins.plugins.nestedpve.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.jenkins.plugins.nestedpve.cluster.SafeFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A ledger in a JSON-lines file: one entry per line, appended and forced to disk ({@link
 * java.io.FileDescriptor#sync}) before {@link #record} returns, so it survives a crash of the process. A line
 * torn by a crash is skipped when reading and fenced off with a newline when the file is opened
 * again. Thread-safe within the process; open one instance per file. Other processes may append to
 * the same file: each entry is one small append-mode write.
 *
 * <p>Line format: {@code {"lease":"…","cluster":"…","host":"pve1@10.0.0.2:8006","hostNode":"pve1",
 * "vmid":80000,"node":"np-k3x9q2-n1","state":"CREATED","time":"2025-01-01T10:00:00Z"}}.
 */
public final class FileLedger implements Ledger {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    /**
     * A plain stream, not a {@link FileChannel}: a channel is closed for good when a thread that uses
     * it is interrupted, and the ledger must keep recording while a cancelled provisioning (an
     * interrupted thread) destroys what it made.
     */
    private FileOutputStream channel;

    private int skippedLines;

    private FileLedger(Path file) throws IOException {
        this.file = file;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.channel = openAppend(file);
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
        if (channel == null) {
            throw new IllegalStateException("the ledger " + file + " is closed");
        }
        byte[] line = (toJson(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            channel.write(line);
            channel.getFD().sync();
        } catch (IOException e) {
            throw new LedgerException(
                    "cannot append to the VM ledger " + file + ": " + e.getMessage()
                            + " — check free space and permissions; VM " + entry.vmid() + " (" + entry.node()
                            + ") may exist unrecorded",
                    e);
        }
    }

    @Override
    public synchronized List<LedgerEntry> entries() {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LedgerException("cannot read the VM ledger " + file + ": " + e.getMessage(), e);
        }
        List<LedgerEntry> entries = new ArrayList<>();
        int skipped = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            LedgerEntry e = fromJson(line);
            if (e == null) {
                skipped++;
            } else {
                entries.add(e);
            }
        }
        skippedLines = skipped;
        return List.copyOf(entries);
    }

    /** Lines the last {@link #entries()} call could not read (torn by a crash or edited by hand). */
    public synchronized int skippedLines() {
        return skippedLines;
    }

    /**
     * Rewrites the file with only the {@link #live()} entries (atomically: a temporary file moved
     * into place), so that it does not grow forever.
     */
    public synchronized void compact() {
        List<LedgerEntry> keep = live();
        StringBuilder text = new StringBuilder();
        keep.forEach(e -> text.append(toJson(e)).append('\n'));
        try {
            SafeFiles.write(file, text.toString(), SafeFiles.Visibility.NORMAL);
            channel.close(); // it appends to the replaced file
            channel = openAppend(file);
        } catch (IOException e) {
            throw new LedgerException("cannot compact the VM ledger " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            throw new LedgerException("cannot close the VM ledger " + file + ": " + e.getMessage(), e);
        } finally {
            channel = null;
        }
    }

    private static FileOutputStream openAppend(Path file) throws IOException {
        return new FileOutputStream(file.toFile(), true);
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
                channel.write('\n');
                channel.getFD().sync();
            }
        }
    }

    static String toJson(LedgerEntry e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("lease", e.lease());
        o.put("cluster", e.cluster());
        o.put("host", e.host());
        o.put("hostNode", e.hostNode());
        o.put("vmid", e.vmid());
        o.put("node", e.node());
        o.put("state", e.state().name());
        o.put("time", e.time().toString());
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write a ledger entry", ex);
        }
    }

    static LedgerEntry fromJson(String line) {
        try {
            JsonNode o = JSON.readTree(line);
            if (o == null || !o.isObject() || !o.path("vmid").canConvertToInt()) {
                return null;
            }
            return new LedgerEntry(
                    o.path("lease").asText(null),
                    o.path("cluster").asText(null),
                    o.path("host").asText(null),
                    o.path("hostNode").asText(null),
                    o.path("vmid").asInt(),
                    o.path("node").asText(null),
                    LedgerEntry.State.valueOf(o.path("state").asText("")),
                    Instant.parse(o.path("time").asText("")));
        } catch (JsonProcessingException
                | DateTimeParseException
                | IllegalArgumentException
                | NullPointerException ex) {
            return null;
        }
    }
}
