package io.jenkins.plugins.nestedpve.sim.apt;

import io.jenkins.plugins.nestedpve.sim.UpgradeFaults;
import java.util.Set;

/**
 * The simulated package archives: Debian (main, updates, security) and Proxmox VE for bookworm and
 * trixie at any host whose path looks like theirs (mirrors included); the enterprise repository
 * answers 401 (the simulated nodes have no subscription, pve-facts §13.1, §9 trap 17); a host made
 * unreachable by {@link UpgradeFaults} does not resolve.
 */
final class Archive {
    /** How fetching one source's index ends. */
    enum Result {
        OK,
        UNAUTHORIZED,
        UNREACHABLE,
        NO_RELEASE
    }

    /** The address apt prints for enterprise.proxmox.com (illustrative). */
    static final String ENTERPRISE_IP = "212.224.123.70";

    private static final Set<String> DEBIAN = Set.of(
            "bookworm", "bookworm-updates", "bookworm-backports", "trixie", "trixie-updates", "trixie-backports");
    private static final Set<String> SECURITY = Set.of("bookworm-security", "trixie-security");
    private static final Set<String> PVE = Set.of("bookworm", "trixie");

    private Archive() {}

    static Result fetch(AptSource s, String node, UpgradeFaults faults) {
        if (faults.unreachable(node, s.host())) {
            return Result.UNREACHABLE;
        }
        return switch (s.origin()) {
            case PVE_ENTERPRISE -> Result.UNAUTHORIZED;
            case CEPH -> s.host().equals("enterprise.proxmox.com") ? Result.UNAUTHORIZED : Result.OK;
            case DEBIAN -> DEBIAN.contains(s.suite()) ? Result.OK : Result.NO_RELEASE;
            case DEBIAN_SECURITY -> SECURITY.contains(s.suite()) ? Result.OK : Result.NO_RELEASE;
            case PVE -> PVE.contains(s.suite()) ? Result.OK : Result.NO_RELEASE;
            case OTHER -> Result.OK;
        };
    }

    /** The size apt prints for an InRelease file (illustrative). */
    static String inReleaseSize(AptSource s) {
        return s.isPve() ? "2,771 B" : s.origin() == AptSource.Origin.DEBIAN_SECURITY ? "48.0 kB" : "151 kB";
    }
}
