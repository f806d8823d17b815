package io.jenkins.plugins.nestedpve.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Targeted faults of upgrade trials, by node name ({@code null} or {@code *} = every node). Each has
 * a name for command lines ({@link #apply(String)}):
 *
 * <ul>
 *   <li>{@code checker-fail[@node]=TEXT}: {@code pve8to9} prints {@code FAIL: TEXT} (counted);
 *   <li>{@code checker-warn[@node]=TEXT}: {@code pve8to9} prints {@code WARN: TEXT} (counted);
 *   <li>{@code dpkg-error[@node][=PACKAGE]}: the next {@code dist-upgrade}/{@code full-upgrade} on the node fails
 *       configuring PACKAGE (default {@code pve-manager}), dpkg is left interrupted;
 *   <li>{@code repo-unreachable[@node][=HOST]}: HOST (default {@code download.proxmox.com}) does not resolve
 *       for apt on the node;
 *   <li>{@code no-return-after-upgrade[@node]}: the node's first reboot after its packages were upgraded never
 *       ends (no SSH, no API; the cluster sees it offline);
 *   <li>{@code cert-renewed-at-boot[@node]}: the node's next boot renews its certificate (a new fingerprint,
 *       as pveupdate's first-boot renewal does, pve-facts §13.4).
 * </ul>
 *
 * Thread-safe.
 */
public final class UpgradeFaults {
    /** The fault names {@link #apply(String)} understands. */
    public static final List<String> NAMES = List.of(
            "checker-fail",
            "checker-warn",
            "dpkg-error",
            "repo-unreachable",
            "no-return-after-upgrade",
            "cert-renewed-at-boot");

    /** One extra checker line. */
    public record CheckerLine(String node, String level, String text) {}

    private final List<CheckerLine> checkerLines = new ArrayList<>();
    private final Map<String, String> dpkgErrors = new HashMap<>();
    private final Map<String, Set<String>> unreachable = new HashMap<>();
    private final Set<String> noReturn = new HashSet<>();
    private final Set<String> certRenewals = new HashSet<>();

    UpgradeFaults() {}

    /** {@code pve8to9} on {@code node} prints {@code FAIL: text}. */
    public synchronized UpgradeFaults checkerFail(String node, String text) {
        checkerLines.add(new CheckerLine(key(node), "FAIL", Objects.requireNonNull(text, "text")));
        return this;
    }

    /** {@code pve8to9} on {@code node} prints {@code WARN: text}. */
    public synchronized UpgradeFaults checkerWarn(String node, String text) {
        checkerLines.add(new CheckerLine(key(node), "WARN", Objects.requireNonNull(text, "text")));
        return this;
    }

    /** The next dist-upgrade on {@code node} fails configuring {@code pkg}. */
    public synchronized UpgradeFaults dpkgError(String node, String pkg) {
        dpkgErrors.put(key(node), pkg == null ? "pve-manager" : pkg);
        return this;
    }

    /** {@code host} does not resolve for apt on {@code node}. */
    public synchronized UpgradeFaults repoUnreachable(String node, String host) {
        unreachable.computeIfAbsent(key(node), k -> new HashSet<>()).add(host == null ? "download.proxmox.com" : host);
        return this;
    }

    /** {@code host} resolves again everywhere. */
    public synchronized UpgradeFaults repoReachable(String host) {
        unreachable.values().forEach(s -> s.remove(host));
        return this;
    }

    /** The first reboot of {@code node} after an upgrade of its packages never ends. */
    public synchronized UpgradeFaults noReturnAfterUpgrade(String node) {
        noReturn.add(key(node));
        return this;
    }

    /** The next boot of {@code node} renews its certificate. */
    public synchronized UpgradeFaults certRenewedAtBoot(String node) {
        certRenewals.add(key(node));
        return this;
    }

    /**
     * Applies a named fault: {@code NAME[@NODE][=VALUE]} (see the class comment).
     *
     * @throws IllegalArgumentException for an unknown name or a missing value, with the names that exist
     */
    public UpgradeFaults apply(String spec) {
        String s = Objects.requireNonNull(spec, "spec").trim();
        int eq = s.indexOf('=');
        String head = eq < 0 ? s : s.substring(0, eq);
        String value = eq < 0 ? null : s.substring(eq + 1);
        int at = head.indexOf('@');
        String name = (at < 0 ? head : head.substring(0, at)).toLowerCase(Locale.ROOT);
        String node = at < 0 ? null : head.substring(at + 1);
        switch (name) {
            case "checker-fail" -> checkerFail(node, required(name, value));
            case "checker-warn" -> checkerWarn(node, required(name, value));
            case "dpkg-error" -> dpkgError(node, value);
            case "repo-unreachable" -> repoUnreachable(node, value);
            case "no-return-after-upgrade" -> noReturnAfterUpgrade(node);
            case "cert-renewed-at-boot" -> certRenewedAtBoot(node);
            default ->
                throw new IllegalArgumentException(
                        "unknown upgrade fault '" + name + "'; use one of " + NAMES + " as NAME[@NODE][=VALUE]");
        }
        return this;
    }

    private static String required(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("fault '" + name + "' needs a text: " + name + "[@NODE]=TEXT");
        }
        return value;
    }

    // ---- decisions -------------------------------------------------------------------------

    /** The extra checker lines for {@code node}, in the order they were added. */
    public synchronized List<CheckerLine> checkerLines(String node) {
        return checkerLines.stream().filter(l -> matches(l.node(), node)).toList();
    }

    /** The package whose configuration fails in this dist-upgrade of {@code node}, consumed. */
    public synchronized java.util.Optional<String> takeDpkgError(String node) {
        String k = dpkgErrors.containsKey(node) ? node : dpkgErrors.containsKey("*") ? "*" : null;
        return java.util.Optional.ofNullable(k == null ? null : dpkgErrors.remove(k));
    }

    /** Whether {@code host} resolves for apt on {@code node}. */
    public synchronized boolean unreachable(String node, String host) {
        return unreachable.getOrDefault(node, Set.of()).contains(host)
                || unreachable.getOrDefault("*", Set.of()).contains(host);
    }

    /** Whether this reboot of {@code node}, after an upgrade, never ends (consumed). */
    public synchronized boolean takeNoReturn(String node) {
        return noReturn.remove(node) || noReturn.remove("*");
    }

    /** Whether this boot of {@code node} renews its certificate (consumed). */
    public synchronized boolean takeCertRenewal(String node) {
        return certRenewals.remove(node) || certRenewals.remove("*");
    }

    private static boolean matches(String pattern, String node) {
        return pattern.equals("*") || pattern.equals(node);
    }

    private static String key(String node) {
        return node == null || node.isBlank() ? "*" : node;
    }
}
