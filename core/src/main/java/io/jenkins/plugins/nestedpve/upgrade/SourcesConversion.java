package io.jenkins.plugins.nestedpve.upgrade;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The repository switch of an 8 → 9 upgrade, computed from the node's APT source files: Debian and
 * Proxmox sources move from {@code bookworm} to {@code trixie} and from one-line {@code .list} files
 * to the deb822 {@code .sources} files PVE 9 uses (pve-facts §7; pve-docs 9.1.3
 * pve-package-repos.adoc: {@code debian.sources}, {@code proxmox.sources}, {@code
 * pve-enterprise.sources} with {@code Enabled: no} to disable it, Ceph {@code ceph-squid}). Files
 * whose every entry was converted are renamed to {@code .bak}, which APT ignores; a file with
 * other repositories is left as it is and named in {@link Result#notes()}.
 */
final class SourcesConversion {
    static final String DIR = "/etc/apt/sources.list.d/";
    static final String PROXMOX_KEYRING = "/usr/share/keyrings/proxmox-archive-keyring.gpg";
    static final String DEBIAN_KEYRING = "/usr/share/keyrings/debian-archive-keyring.gpg";
    static final String OLD = "bookworm";
    static final String NEW = "trixie";

    /**
     * What to do on the node.
     *
     * @param writes file → new content
     * @param renames files to rename to {@code <file>.bak}
     * @param notes what was left alone, for the step's output
     */
    record Result(Map<String, String> writes, List<String> renames, List<String> notes) {}

    private enum Kind {
        DEBIAN,
        PVE,
        CEPH,
        OTHER
    }

    private SourcesConversion() {}

    /** Converts {@code files} (path → content of {@code sources.list}, {@code *.list}, {@code *.sources}). */
    static Result convert(Map<String, String> files, UpgradePlan plan) {
        Map<String, Set<String>> debianSuites = new LinkedHashMap<>();
        Map<String, Set<String>> debianComponents = new LinkedHashMap<>();
        Map<String, String> cephComponents = new LinkedHashMap<>();
        List<String> renames = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, String> writes = new LinkedHashMap<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            String path = f.getKey();
            if (path.endsWith(".sources")) {
                if (!isOurs(path) && f.getValue().contains(OLD)) {
                    writes.put(path, f.getValue().replaceAll("\\b" + OLD + "(-[a-z]+)?\\b", NEW + "$1"));
                }
                continue;
            }
            boolean other = false;
            for (String line : f.getValue().split("\n")) {
                String[] w = words(line);
                if (w.length < 3 || !w[0].equals("deb")) {
                    continue;
                }
                String uri = w[1].replaceAll("/+$", "");
                switch (kind(uri)) {
                    case DEBIAN -> {
                        debianSuites
                                .computeIfAbsent(uri, k -> new LinkedHashSet<>())
                                .add(newSuite(w[2]));
                        Set<String> comps = debianComponents.computeIfAbsent(uri, k -> new LinkedHashSet<>());
                        for (int i = 3; i < w.length; i++) {
                            comps.add(w[i]);
                        }
                    }
                    case CEPH -> cephComponents.put(origin(uri), w.length > 3 ? w[3] : "no-subscription");
                    case PVE -> {
                        // replaced by the configured PVE repository below
                    }
                    default -> other = true;
                }
            }
            if (other) {
                notes.add("left " + path + " as it is: it holds repositories other than Debian's and Proxmox's");
            } else {
                renames.add(path);
            }
        }
        if (!debianSuites.isEmpty()) {
            writes.put(DIR + "debian.sources", debian(debianSuites, debianComponents));
        }
        writes.putAll(proxmox(plan));
        if (!cephComponents.isEmpty()) {
            writes.put(DIR + "ceph.sources", ceph(cephComponents));
        }
        return new Result(writes, renames, notes);
    }

    private static boolean isOurs(String path) {
        return path.equals(DIR + "debian.sources")
                || path.equals(DIR + "proxmox.sources")
                || path.equals(DIR + "pve-enterprise.sources")
                || path.equals(DIR + "ceph.sources");
    }

    private static String[] words(String line) {
        String t = line.replaceAll("#.*", "").replaceAll("\\[[^]]*]", " ").strip();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }

    private static Kind kind(String uri) {
        String path = URI.create(uri).getPath();
        path = path == null ? "" : path;
        if (path.endsWith("/debian/pve")) {
            return Kind.PVE;
        }
        if (path.contains("/debian/ceph-")) {
            return Kind.CEPH;
        }
        if (path.endsWith("/debian") || path.endsWith("/debian-security")) {
            return Kind.DEBIAN;
        }
        return Kind.OTHER;
    }

    private static String origin(String uri) {
        URI u = URI.create(uri);
        return u.getScheme() + "://" + u.getRawAuthority();
    }

    static String newSuite(String suite) {
        return suite.startsWith(OLD) ? NEW + suite.substring(OLD.length()) : suite;
    }

    private static String debian(Map<String, Set<String>> suites, Map<String, Set<String>> components) {
        List<String> stanzas = new ArrayList<>();
        suites.forEach((uri, s) -> stanzas.add(
                stanza(uri + "/", String.join(" ", s), String.join(" ", components.get(uri)), DEBIAN_KEYRING, true)));
        return String.join("\n", stanzas);
    }

    private static Map<String, String> proxmox(UpgradePlan plan) {
        Map<String, String> out = new LinkedHashMap<>();
        boolean enterprise = plan.repository() == Repository.ENTERPRISE;
        String enterpriseUri = enterprise ? plan.repositoryUri() : Repository.ENTERPRISE.defaultUri();
        out.put(
                DIR + "pve-enterprise.sources",
                stanza(enterpriseUri, NEW, Repository.ENTERPRISE.componentPve9(), PROXMOX_KEYRING, enterprise));
        if (!enterprise) {
            out.put(
                    DIR + "proxmox.sources",
                    stanza(plan.repositoryUri(), NEW, plan.repository().componentPve9(), PROXMOX_KEYRING, true));
        }
        return out;
    }

    private static String ceph(Map<String, String> components) {
        List<String> stanzas = new ArrayList<>();
        components.forEach((origin, component) ->
                stanzas.add(stanza(origin + "/debian/ceph-squid", NEW, component, PROXMOX_KEYRING, true)));
        return String.join("\n", stanzas);
    }

    private static String stanza(String uri, String suites, String components, String keyring, boolean enabled) {
        return "Types: deb\nURIs: " + uri + "\nSuites: " + suites + "\nComponents: " + components + "\nSigned-By: "
                + keyring + "\n" + (enabled ? "" : "Enabled: no\n");
    }
}
