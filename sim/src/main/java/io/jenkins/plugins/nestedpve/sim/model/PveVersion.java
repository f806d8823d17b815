package io.jenkins.plugins.nestedpve.sim.model;

/**
 * What is installed on a simulated PVE machine: the pve-manager version, its git short hash and the
 * newest installed kernel, which runs once the machine has booted it (pve-manager:bin/pveversion;
 * pve-facts §4, §7). The repoid is the first 16 hex digits of pve-manager's "bump version to
 * &lt;version&gt;" commit (pve-manager git history).
 *
 * @param version full pve-manager version, e.g. {@code 9.1.2}
 * @param repoid short git hash of pve-manager
 * @param kernel {@code uname -r} of the newest installed kernel
 */
public record PveVersion(String version, String repoid, String kernel) {
    /** PVE 8.3 (bookworm), for minor upgrades 8.3 → 8.4. */
    public static final PveVersion V8_3 = new PveVersion("8.3.5", "dac3aa88bac3f300", "6.8.12-8-pve");
    /** PVE 8.4 as the 8.4 ISO installs it (bookworm). */
    public static final PveVersion V8_4 = new PveVersion("8.4.1", "2a5fa54a8503f96d", "6.8.12-9-pve");
    /** The newest PVE 8.4 the bookworm repository offers (pve-manager stable-8: 8.4.21). */
    public static final PveVersion V8_4_LATEST = new PveVersion("8.4.21", "2606ac850d46da29", "6.8.12-20-pve");
    /** PVE 9.1 (trixie); also what the simulated trixie repository offers. */
    public static final PveVersion V9_1 = new PveVersion("9.1.2", "9d436f37a0ac4172", "6.17.2-1-pve");

    /** By release: "8.3", "8.4" or "9.1". */
    public static PveVersion of(String release) {
        return switch (release) {
            case "8.3" -> V8_3;
            case "8.4" -> V8_4;
            case "9.1" -> V9_1;
            default ->
                throw new IllegalArgumentException("unsupported PVE release '" + release + "' (use 8.3, 8.4 or 9.1)");
        };
    }

    /** The newest version a repository of {@code suite} offers, if the suite is a PVE one. */
    public static java.util.Optional<PveVersion> newestIn(String suite) {
        return switch (suite) {
            case "bookworm" -> java.util.Optional.of(V8_4_LATEST);
            case "trixie" -> java.util.Optional.of(V9_1);
            default -> java.util.Optional.empty();
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

    /** The official API schema the simulator validates with: 8.4 for every 8.x, 9.1 for every 9.x. */
    public String schemaRelease() {
        return major() >= 9 ? "9.1" : "8.4";
    }

    /** {@code pve-manager/<version>/<repoid>} (the status API's pveversion). */
    public String managerString() {
        return "pve-manager/" + version + "/" + repoid;
    }

    /** The Debian suite: bookworm for 8.x, trixie for 9.x. */
    public String suite() {
        return major() >= 9 ? "trixie" : "bookworm";
    }

    /** The kernel series meta-package: {@code proxmox-kernel-6.17} on 9.x, {@code pve-kernel-6.8} on 8.x. */
    public String kernelMetaPackage() {
        String[] k = kernel.split("[.-]");
        return (major() >= 9 ? "proxmox-kernel-" : "pve-kernel-") + k[0] + "." + k[1];
    }

    /** Whether {@code other} is newer than this (compares the dotted version numbers). */
    public boolean olderThan(PveVersion other) {
        String[] a = version.split("\\.");
        String[] b = other.version.split("\\.");
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int c = Integer.compare(Integer.parseInt(a[i]), Integer.parseInt(b[i]));
            if (c != 0) {
                return c < 0;
            }
        }
        return a.length < b.length;
    }
}
