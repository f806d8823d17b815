package io.jenkins.plugins.nestedpve.sim.apt;

import java.net.URI;
import java.util.List;

/**
 * One repository entry (one URI, one suite) as APT reads it from a sources file.
 *
 * @param file the file it came from
 * @param entry its line number (one-line format) or stanza number (deb822)
 * @param type {@code deb} or {@code deb-src}
 * @param uri the repository URI without a trailing slash
 * @param suite the suite, e.g. {@code bookworm-security}
 * @param components the components
 */
public record AptSource(String file, int entry, String type, String uri, String suite, List<String> components) {
    public AptSource {
        components = List.copyOf(components);
        uri = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    /** What kind of repository the URI names (by its path, so mirrors count too). */
    public enum Origin {
        DEBIAN,
        DEBIAN_SECURITY,
        PVE,
        PVE_ENTERPRISE,
        CEPH,
        OTHER
    }

    public String host() {
        String h = URI.create(uri).getHost();
        return h == null ? uri : h;
    }

    public Origin origin() {
        String path = URI.create(uri).getPath();
        if (host().equals("enterprise.proxmox.com")) {
            return path.startsWith("/debian/ceph") ? Origin.CEPH : Origin.PVE_ENTERPRISE;
        }
        if (path.endsWith("/debian/pve")) {
            return components.contains("pve-enterprise") ? Origin.PVE_ENTERPRISE : Origin.PVE;
        }
        if (path.contains("/debian/ceph")) {
            return Origin.CEPH;
        }
        if (path.endsWith("/debian-security")) {
            return Origin.DEBIAN_SECURITY;
        }
        if (path.endsWith("/debian")) {
            return Origin.DEBIAN;
        }
        return Origin.OTHER;
    }

    /** The suite without {@code -updates}, {@code -security}, {@code -backports} (as pve8to9 compares). */
    public String baseSuite() {
        return suite.replaceAll("-(?:(?:proposed-)?updates|backports|debug|security)(?:-debug)?$", "");
    }

    /** Whether this is a Proxmox VE package repository (no-subscription, test or enterprise). */
    public boolean isPve() {
        return origin() == Origin.PVE || origin() == Origin.PVE_ENTERPRISE;
    }

    /** Whether this is a Debian repository (main archive or security). */
    public boolean isDebian() {
        return origin() == Origin.DEBIAN || origin() == Origin.DEBIAN_SECURITY;
    }

    /** {@code <uri> <suite>} as apt prints it in its fetch lines. */
    public String label() {
        return uri + " " + suite;
    }

    /** The InRelease URL apt fetches. */
    public String inReleaseUrl() {
        return uri + "/dists/" + suite + "/InRelease";
    }
}
