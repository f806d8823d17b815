package io.jenkins.plugins.nestedpve.sim.apt;

import io.jenkins.plugins.nestedpve.sim.LatencyProfile.Step;
import io.jenkins.plugins.nestedpve.sim.model.PveMachine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code apt-get update}: one {@code Hit:}/{@code Get:}/{@code Err:} line per repository, then
 * {@code Reading package lists...} and apt's summary lines. An unreachable host is only a warning
 * ({@code W: Failed to fetch ...}, exit 0, the old index kept); the enterprise repository's 401 and a
 * suite without a Release file are errors (exit 100). Generic apt behaviour, not from PVE sources.
 */
final class AptUpdate {
    private final PveMachine m;

    AptUpdate(PveMachine m) {
        this.m = m;
    }

    /** Runs the update; returns the exit status. */
    int run(List<AptSource> sources, Output o) throws InterruptedException {
        Map<String, String> old = AptLists.read(m.fs());
        Map<String, String> index = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int n = 0;
        boolean fetched = false;
        for (AptSource s : sources) {
            if (index.containsKey(s.label())) {
                continue;
            }
            n++;
            Archive.Result r = Archive.fetch(s, m.nodeName(), m.env().faults().upgrade());
            switch (r) {
                case OK -> {
                    String offer = AptLists.offerNow(s);
                    if (offer.equals(old.get(s.label()))) {
                        o.line("Hit:" + n + " " + s.label() + " InRelease");
                    } else {
                        fetched = true;
                        o.line("Get:" + n + " " + s.label() + " InRelease [" + Archive.inReleaseSize(s) + "]");
                        for (String c : s.components()) {
                            n++;
                            o.line("Get:" + n + " " + s.uri() + " " + s.suite() + "/" + c + " amd64 Packages ["
                                    + (s.isDebian() ? "9,670 kB" : "412 kB") + "]");
                        }
                    }
                    index.put(s.label(), offer);
                }
                case UNREACHABLE -> {
                    String why = "Temporary failure resolving '" + s.host() + "'";
                    o.line("Err:" + n + " " + s.label() + " InRelease");
                    o.line("  " + why);
                    warnings.add("W: Failed to fetch " + s.inReleaseUrl() + "  " + why);
                    if (old.containsKey(s.label())) {
                        index.put(s.label(), old.get(s.label()));
                    }
                }
                case UNAUTHORIZED -> {
                    String why = "401  Unauthorized [IP: " + Archive.ENTERPRISE_IP + " 443]";
                    o.line("Err:" + n + " " + s.label() + " InRelease");
                    o.line("  " + why);
                    errors.add("E: Failed to fetch " + s.inReleaseUrl() + "  " + why);
                    errors.add("E: The repository '" + s.label() + " InRelease' is not signed.");
                    errors.add("N: Updating from such a repository can't be done securely, and is therefore disabled by"
                            + " default.");
                    errors.add("N: See apt-secure(8) manpage for repository creation and user configuration details.");
                }
                case NO_RELEASE -> {
                    o.line("Ign:" + n + " " + s.label() + " InRelease");
                    n++;
                    o.line("Err:" + n + " " + s.label() + " Release");
                    o.line("  404  Not Found [IP: 151.101.2.132 80]");
                    errors.add("E: The repository '" + s.label() + " Release' does not have a Release file.");
                    errors.add("N: Updating from such a repository can't be done securely, and is therefore disabled by"
                            + " default.");
                    errors.add("N: See apt-secure(8) manpage for repository creation and user configuration details.");
                }
            }
        }
        if (fetched) {
            o.line("Fetched 30.2 MB in 4s (7,410 kB/s)");
        }
        o.line("Reading package lists...");
        AptLists.write(m.fs(), index);
        warnings.forEach(o::error);
        if (!warnings.isEmpty()) {
            o.error("W: Some index files failed to download. They have been ignored, or old ones used instead.");
        }
        errors.forEach(o::error);
        return errors.isEmpty() ? 0 : 100;
    }

    /** Output lines the update prints for {@code sources} (for spreading its duration). */
    static int expectedLines(List<AptSource> sources) {
        int n = 2;
        for (AptSource s : sources) {
            n += 1 + s.components().size();
        }
        return n;
    }

    static Step step() {
        return Step.APT_UPDATE;
    }
}
