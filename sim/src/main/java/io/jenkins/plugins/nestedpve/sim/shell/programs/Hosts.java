package io.jenkins.plugins.nestedpve.sim.shell.programs;

import io.jenkins.plugins.nestedpve.sim.shell.MachineFiles;
import io.jenkins.plugins.nestedpve.sim.shell.VirtualFs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Hostname and {@code /etc/hosts} lookups shared by hostname, getent and ssh-keygen. */
final class Hosts {
    /** One {@code /etc/hosts} entry: an address and its names (canonical first). */
    record Entry(String address, List<String> names) {}

    private Hosts() {}

    /** The running hostname: {@code /proc/sys/kernel/hostname}, else {@code /etc/hostname}, else localhost. */
    static String kernelHostname(VirtualFs fs) {
        return fs.read(MachineFiles.KERNEL_HOSTNAME)
                .or(() -> fs.read(MachineFiles.HOSTNAME))
                .map(s -> s.lines().findFirst().orElse("").trim())
                .filter(s -> !s.isEmpty())
                .orElse("localhost");
    }

    static List<Entry> entries(VirtualFs fs) {
        List<Entry> entries = new ArrayList<>();
        for (String line : fs.read(MachineFiles.HOSTS).orElse("").split("\n")) {
            String content = line.replaceFirst("#.*", "").trim();
            if (content.isEmpty()) {
                continue;
            }
            String[] parts = content.split("\\s+");
            if (parts.length > 1) {
                entries.add(new Entry(parts[0], Arrays.asList(parts).subList(1, parts.length)));
            }
        }
        return entries;
    }

    /** Entries that name {@code name} (or have it as address), in file order. */
    static List<Entry> lookup(VirtualFs fs, String name) {
        List<Entry> found = new ArrayList<>();
        for (Entry e : entries(fs)) {
            if (e.address().equals(name) || e.names().stream().anyMatch(n -> n.equalsIgnoreCase(name))) {
                found.add(e);
            }
        }
        if (found.isEmpty() && name.equals("localhost")) {
            found.add(new Entry("127.0.0.1", List.of("localhost")));
        }
        return found;
    }
}
