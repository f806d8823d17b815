package io.jenkins.plugins.nestedpve.upgrade;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one line {@code pveversion} prints (pve-facts §7): {@code
 * pve-manager/<version>/<repoid> (running kernel: <uname -r>)}.
 *
 * @param line the whole line
 * @param version the pve-manager version, e.g. {@code 9.1.2}
 * @param kernel the running kernel, e.g. {@code 6.17.2-1-pve}
 */
record PveVersionLine(String line, String version, String kernel) {
    private static final Pattern FORM =
            Pattern.compile("^pve-manager/([0-9][^/\\s]*)/(\\S+) \\(running kernel: (\\S+)\\)\\s*$");

    /** The first line of {@code output} in this form, if it is. */
    static Optional<PveVersionLine> parse(String output) {
        String first = output.strip().lines().findFirst().orElse("");
        Matcher m = FORM.matcher(first);
        return m.matches() ? Optional.of(new PveVersionLine(first, m.group(1), m.group(3))) : Optional.empty();
    }

    /** The major release, e.g. 9. */
    int major() {
        return Integer.parseInt(version.split("\\.")[0]);
    }
}
