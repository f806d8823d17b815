package io.jenkins.plugins.nestedpve.sim.apt;

import io.jenkins.plugins.nestedpve.sim.shell.VirtualFs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the APT sources of a machine as apt does: {@code /etc/apt/sources.list}, then every {@code
 * *.list} (one-line format) and {@code *.sources} (deb822 format, {@code Enabled: no} skipped) in
 * {@code /etc/apt/sources.list.d}, in name order. Malformed entries are apt's errors.
 */
public final class AptSources {
    /** The directory of extra source files. */
    public static final String DIR = "/etc/apt/sources.list.d";
    /** The classic one-line file. */
    public static final String LIST = "/etc/apt/sources.list";

    /** A source file apt refuses; the message is apt's {@code E:} line. */
    public static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    private AptSources() {}

    /** Every enabled {@code deb} entry. */
    public static List<AptSource> read(VirtualFs fs) throws Malformed {
        List<AptSource> out = new ArrayList<>();
        if (fs.isFile(LIST)) {
            out.addAll(oneLine(LIST, fs.read(LIST).orElse("")));
        }
        for (String name : fs.list(DIR)) {
            String path = DIR + "/" + name;
            if (!fs.isFile(path)) {
                continue;
            }
            if (name.endsWith(".list")) {
                out.addAll(oneLine(path, fs.read(path).orElse("")));
            } else if (name.endsWith(".sources")) {
                out.addAll(deb822(path, fs.read(path).orElse("")));
            }
        }
        return out.stream().filter(s -> s.type().equals("deb")).toList();
    }

    /** {@code deb [options] uri suite [component...]} lines; {@code #} starts a comment. */
    static List<AptSource> oneLine(String file, String text) throws Malformed {
        List<AptSource> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.replaceAll("\\[[^\\]]*\\]", " ").trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (!f[0].equals("deb") && !f[0].equals("deb-src")) {
                throw new Malformed("Type '" + f[0] + "' is not known on line " + (i + 1) + " in source list " + file);
            }
            if (f.length < 2) {
                throw new Malformed("Malformed entry " + (i + 1) + " in list file " + file + " (URI)");
            }
            if (f.length < 3) {
                throw new Malformed("Malformed entry " + (i + 1) + " in list file " + file + " (dist)");
            }
            if (f.length < 4 && !f[2].endsWith("/")) {
                throw new Malformed("Malformed entry " + (i + 1) + " in list file " + file + " (Component)");
            }
            out.add(new AptSource(
                    file, i + 1, f[0], f[1], f[2], Arrays.asList(f).subList(3, f.length)));
        }
        return out;
    }

    /** deb822 stanzas separated by empty lines: Types, URIs, Suites, Components, Enabled. */
    static List<AptSource> deb822(String file, String text) throws Malformed {
        List<AptSource> out = new ArrayList<>();
        int stanza = 0;
        for (String block : text.split("\n\\s*\n")) {
            Map<String, String> fields = fields(block);
            if (fields.isEmpty()) {
                continue;
            }
            stanza++;
            if ("no".equalsIgnoreCase(fields.getOrDefault("enabled", "yes"))) {
                continue;
            }
            for (String key : new String[] {"types", "uris", "suites"}) {
                if (!fields.containsKey(key)) {
                    throw new Malformed("Malformed entry " + stanza + " in sources file " + file + " ("
                            + (key.equals("types") ? "type" : key.equals("uris") ? "URI" : "Suite") + ")");
                }
            }
            List<String> comps = words(fields.getOrDefault("components", ""));
            for (String type : words(fields.get("types"))) {
                for (String uri : words(fields.get("uris"))) {
                    for (String suite : words(fields.get("suites"))) {
                        out.add(new AptSource(file, stanza, type, uri, suite, comps));
                    }
                }
            }
        }
        return out;
    }

    private static Map<String, String> fields(String block) {
        Map<String, String> fields = new LinkedHashMap<>();
        String last = null;
        for (String line : block.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if ((line.startsWith(" ") || line.startsWith("\t")) && last != null) {
                fields.put(last, fields.get(last) + " " + line.trim());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                last = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                fields.put(last, line.substring(colon + 1).trim());
            }
        }
        return fields;
    }

    private static List<String> words(String s) {
        return s == null || s.isBlank() ? List.of() : List.of(s.trim().split("\\s+"));
    }
}
