package io.jenkins.plugins.nestedpve.sim.apt;

import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import io.jenkins.plugins.nestedpve.sim.shell.VirtualFs;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What pve8to9 asks of APT: pending updates, and its repository suite check (pve-facts §13.2). */
public final class AptChecks {
    private static final Pattern DEB = Pattern.compile(
            "deb\\s+(?:\\[[^\\]]*\\]\\s+)?(\\w+://\\S+)\\s+(?:(\\S+)(?:\\s+(\\S+))?)?", Pattern.CASE_INSENSITIVE);
    private static final Set<String> OLDER = Set.of("bullseye", "buster", "stretch", "jessie");

    private AptChecks() {}

    /** Whether the fetched indexes offer a newer PVE than installed (pve8to9's "updates available"). */
    public static boolean updatesAvailable(PveMachine m) {
        try {
            DistUpgrade.Plan p = DistUpgrade.plan(m.version(), AptLists.available(m.fs(), AptSources.read(m.fs())));
            return p.target() != null;
        } catch (AptSources.Malformed e) {
            return false;
        }
    }

    /**
     * pve8to9.pm {@code check_apt_repos}: reads {@code /etc/apt/sources.list} and {@code
     * sources.list.d/*.list} only (never {@code .sources}); mixed bookworm/trixie suites FAIL.
     */
    public static void repos(
            VirtualFs fs,
            Consumer<String> info,
            Consumer<String> pass,
            Consumer<String> notice,
            Consumer<String> warn,
            Consumer<String> fail) {
        info.accept("Checking if the suite for the Debian security repository is correct..");
        List<String[]> found = new ArrayList<>();
        List<String> strange = new ArrayList<>();
        boolean[] test = new boolean[2];
        String[] testSuite = new String[1];
        scan(fs, AptSources.LIST, AptSources.LIST, found, strange, test, testSuite);
        for (String name : fs.list(AptSources.DIR)) {
            if (name.endsWith(".list")) {
                scan(fs, AptSources.DIR + "/" + name, name, found, strange, test, testSuite);
            }
        }
        List<String> mismatches = new ArrayList<>();
        for (String[] f : found) {
            if (!f[0].equals(found.get(0)[0])) {
                if (mismatches.isEmpty()) {
                    mismatches.add("found suite " + found.get(0)[0] + " at " + found.get(0)[1]);
                }
                mismatches.add("found suite " + f[0] + " at " + f[1]);
            }
        }
        if (!strange.isEmpty()) {
            notice.accept("found unusual suites that are neither old 'bookworm' nor new 'trixie':\n    "
                    + String.join("\n    ", strange)
                    + "\n  Please ensure these repositories are shipping compatible packages for the upgrade!");
        }
        if (!mismatches.isEmpty()) {
            fail.accept("Found mixed old and new package repository suites, fix before upgrading! Mismatches:\n    "
                    + String.join("\n    ", mismatches)
                    + "\n  Configure the same base-suite for all Proxmox and Debian provided repos and ask original"
                    + " vendor for any third-party repos.\n  E.g., for the upgrade to Proxmox VE 9 use the 'trixie'"
                    + " suite.");
        } else if (!strange.isEmpty()) {
            notice.accept("found no suite mismatches, but found at least one strange suite");
        } else {
            pass.accept("found no suite mismatch");
        }
        if (test[0]) {
            info.accept("Found test repo for Proxmox VE, checking compatibility with updated 'pve-test' spelling.");
            if (test[1]) {
                Consumer<String> log = "trixie".equals(testSuite[0]) ? fail : warn;
                log.accept("Found legacy spelling 'pvetest' of the pve-test repo. Change the repo to use 'pve-test'"
                        + " when updating the repos to the 'trixie' suite for Proxmox VE 9!");
            }
        }
    }

    private static void scan(
            VirtualFs fs,
            String path,
            String shown,
            List<String[]> found,
            List<String> strange,
            boolean[] test,
            String[] testSuite) {
        String raw = fs.read(path).orElse(null);
        if (raw == null) {
            return;
        }
        String[] lines = raw.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].split("#", -1)[0];
            if (!line.matches("^deb\\s.*")) {
                continue;
            }
            Matcher mm = DEB.matcher(line);
            if (!mm.find() || mm.group(2) == null) {
                continue;
            }
            String where = "in " + (path.equals(AptSources.LIST) ? path : AptSources.DIR + "/" + shown) + ":" + (i + 1);
            String component = mm.group(3);
            if (component != null && component.matches(".*pve-?test.*")) {
                test[0] = true;
                testSuite[0] = mm.group(2);
                test[1] |= component.equals("pvetest");
            }
            String suite =
                    mm.group(2).replaceAll("-(?:(?:proposed-)?updates|backports|debug|security)(?:-debug)?$", "");
            if (!suite.equals("bookworm") && !suite.equals("trixie") && !OLDER.contains(suite)) {
                strange.add("found suite " + suite + " at " + where);
                continue;
            }
            found.add(new String[] {suite, where});
        }
    }
}
