package io.jenkins.plugins.nestedpve.schema;

import java.util.regex.Pattern;

/** Perl-compatible anchoring for the hand-written format regexes: UNIX_LINES + find(). */
final class Rx {
    private Rx() {}

    static Pattern of(String regex) {
        return Pattern.compile(regex, Pattern.UNIX_LINES);
    }

    static boolean ok(Pattern p, String v) {
        return p.matcher(v).find();
    }

    static void require(Pattern p, String v, String dieLine) throws FormatException {
        if (!p.matcher(v).find()) {
            throw FormatException.die(dieLine);
        }
    }
}
