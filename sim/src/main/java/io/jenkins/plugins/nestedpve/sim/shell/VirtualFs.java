package io.jenkins.plugins.nestedpve.sim.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The file system of one simulated machine: absolute paths to text contents, directories implied
 * by their files (and recorded when created explicitly). Thread-safe. Writers can be observed, so
 * that the machine model reacts to e.g. a new {@code /etc/hostname}.
 */
public final class VirtualFs {
    private final TreeMap<String, String> files = new TreeMap<>();
    private final TreeMap<String, Boolean> dirs = new TreeMap<>();
    private final List<BiConsumer<String, String>> writeListeners = new ArrayList<>();

    /** Normalizes {@code path} against {@code cwd}: resolves {@code .}, {@code ..} and duplicate slashes. */
    public static String resolve(String cwd, String path) {
        String joined = path.startsWith("/") ? path : (cwd.endsWith("/") ? cwd : cwd + "/") + path;
        List<String> parts = new ArrayList<>();
        for (String part : joined.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else {
                parts.add(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    public synchronized Optional<String> read(String path) {
        return Optional.ofNullable(files.get(path));
    }

    public synchronized boolean isFile(String path) {
        return files.containsKey(path);
    }

    public synchronized boolean isDirectory(String path) {
        if (path.equals("/") || dirs.containsKey(path)) {
            return true;
        }
        String prefix = path + "/";
        String next = files.ceilingKey(prefix);
        return next != null && next.startsWith(prefix);
    }

    public synchronized boolean exists(String path) {
        return isFile(path) || isDirectory(path);
    }

    /** Writes (replaces) a file and notifies listeners. */
    public void write(String path, String content) {
        synchronized (this) {
            files.put(path, content);
        }
        notifyWrite(path, content);
    }

    /** Appends to a file (creating it) and notifies listeners with the whole new content. */
    public void append(String path, String content) {
        String all;
        synchronized (this) {
            all = files.getOrDefault(path, "") + content;
            files.put(path, all);
        }
        notifyWrite(path, all);
    }

    public synchronized void mkdir(String path) {
        dirs.put(path, Boolean.TRUE);
    }

    /** Deletes a file; returns whether it existed. */
    public synchronized boolean delete(String path) {
        return files.remove(path) != null || dirs.remove(path) != null;
    }

    /** Deletes everything at or below {@code path}. */
    public synchronized void deleteTree(String path) {
        String prefix = path.endsWith("/") ? path : path + "/";
        files.keySet().removeIf(p -> p.equals(path) || p.startsWith(prefix));
        dirs.keySet().removeIf(p -> p.equals(path) || p.startsWith(prefix));
    }

    /** Names directly inside {@code dir}, sorted. */
    public synchronized List<String> list(String dir) {
        String prefix = dir.endsWith("/") ? dir : dir + "/";
        TreeMap<String, Boolean> names = new TreeMap<>();
        for (String p : files.tailMap(prefix).keySet()) {
            if (!p.startsWith(prefix)) {
                break;
            }
            names.put(p.substring(prefix.length()).split("/", 2)[0], Boolean.TRUE);
        }
        for (String p : dirs.tailMap(prefix).keySet()) {
            if (!p.startsWith(prefix)) {
                break;
            }
            names.put(p.substring(prefix.length()).split("/", 2)[0], Boolean.TRUE);
        }
        return new ArrayList<>(names.keySet());
    }

    /** The directories created explicitly (empty ones included), sorted. */
    public synchronized List<String> directories() {
        return new ArrayList<>(dirs.keySet());
    }

    /** A copy of all files, for inspection in tests. */
    public synchronized Map<String, String> snapshot() {
        return new TreeMap<>(files);
    }

    /** Called after every write with the path and the full new content. */
    public synchronized void onWrite(BiConsumer<String, String> listener) {
        writeListeners.add(listener);
    }

    private void notifyWrite(String path, String content) {
        List<BiConsumer<String, String>> listeners;
        synchronized (this) {
            listeners = List.copyOf(writeListeners);
        }
        for (BiConsumer<String, String> l : listeners) {
            l.accept(path, content);
        }
    }
}
