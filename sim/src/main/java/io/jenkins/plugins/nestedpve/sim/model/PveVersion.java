package io.jenkins.plugins.nestedpve.sim.model;

/**
 * What is installed on a simulated PVE machine: the pve-manager version, its git short hash and the
 * running kernel (pve-manager:bin/pveversion; pve-facts §4, §7).
 *
 * @param version full pve-manager version, e.g. {@code 9.1.2}
 * @param repoid short git hash of pve-manager
 * @param kernel {@code uname -r}
 */
public record PveVersion(String version, String repoid, String kernel) {
    /** PVE 8.4 (bookworm). */
    public static final PveVersion V8_4 = new PveVersion("8.4.1", "2a5fa54a8503f96d", "6.8.12-9-pve");
    /** PVE 9.1 (trixie). */
    public static final PveVersion V9_1 = new PveVersion("9.1.2", "9d436f37a0ac4172", "6.17.2-1-pve");

    /** By release: "8.4" or "9.1". */
    public static PveVersion of(String release) {
        return switch (release) {
            case "8.4" -> V8_4;
            case "9.1" -> V9_1;
            default -> throw new IllegalArgumentException("unsupported PVE release '" + release + "' (use 8.4 or 9.1)");
        };
    }

    /** major.minor, e.g. {@code 9.1}. */
    public String release() {
        String[] p = version.split("\\.");
        return p[0] + "." + p[1];
    }

    public int major() {
        return Integer.parseInt(version.split("\\.")[0]);
    }

    /** {@code pve-manager/<version>/<repoid>} (the status API's pveversion). */
    public String managerString() {
        return "pve-manager/" + version + "/" + repoid;
    }

    /** The Debian suite: bookworm for 8.x, trixie for 9.x. */
    public String suite() {
        return major() >= 9 ? "trixie" : "bookworm";
    }
}
