package io.jenkins.plugins.nestedpve.sim.apt;

import io.jenkins.plugins.nestedpve.sim.model.PveVersion;
import io.jenkins.plugins.nestedpve.sim.shell.VirtualFs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the last {@code apt-get update} fetched ({@code /var/lib/apt/lists}): per repository index
 * ({@code <uri> <suite>}) the pve-manager version it offered then, so a cache not refreshed since the
 * installation offers nothing new. apt uses only the indexes of sources still configured.
 */
public final class AptLists {
    static final String INDEX = "/var/lib/apt/lists/sim-index";

    /** A configured source with its fetched index and the PVE version that index offers (if a PVE one). */
    record Indexed(AptSource source, Optional<PveVersion> offers) {}

    private AptLists() {}

    static Map<String, String> read(VirtualFs fs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String l : fs.read(INDEX).orElse("").split("\n")) {
            int tab = l.indexOf('\t');
            if (tab > 0) {
                out.put(l.substring(0, tab), l.substring(tab + 1));
            }
        }
        return out;
    }

    static void write(VirtualFs fs, Map<String, String> index) {
        StringBuilder sb = new StringBuilder();
        index.forEach((k, v) -> sb.append(k).append('\t').append(v).append('\n'));
        fs.write(INDEX, sb.toString());
    }

    /** The index entry of a freshly fetched source: what its suite offers now. */
    static String offerNow(AptSource s) {
        return s.isPve()
                ? PveVersion.newestIn(s.baseSuite()).map(PveVersion::version).orElse("-")
                : "-";
    }

    /** The configured sources apt has an index for (what a dist-upgrade can install from). */
    static List<Indexed> available(VirtualFs fs, List<AptSource> configured) {
        Map<String, String> have = read(fs);
        List<Indexed> out = new ArrayList<>();
        for (AptSource s : configured) {
            String v = have.get(s.label());
            if (v != null) {
                out.add(new Indexed(s, byVersion(v)));
            }
        }
        return out;
    }

    private static Optional<PveVersion> byVersion(String v) {
        for (PveVersion p :
                new PveVersion[] {PveVersion.V8_3, PveVersion.V8_4, PveVersion.V8_4_LATEST, PveVersion.V9_1}) {
            if (p.version().equals(v)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Seeds the index of a fresh installation of {@code installed}: its sources were fetched back then. */
    public static void seed(VirtualFs fs, PveVersion installed) {
        Map<String, String> index = new LinkedHashMap<>();
        try {
            for (AptSource s : AptSources.read(fs)) {
                index.put(s.label(), s.isPve() ? installed.version() : "-");
            }
        } catch (AptSources.Malformed e) {
            // a fresh installation has well-formed sources; nothing fetched otherwise
        }
        write(fs, index);
    }
}
