package io.jenkins.plugins.nestedpve.sim.shell.programs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Version ordering as {@code sort -V}: digit runs compare numerically, other runs as text. */
final class VersionOrder {
    private static final Pattern CHUNK = Pattern.compile("\\d+|\\D+");

    private VersionOrder() {}

    static int compare(String a, String b) {
        Matcher ma = CHUNK.matcher(a);
        Matcher mb = CHUNK.matcher(b);
        while (true) {
            boolean ha = ma.find();
            boolean hb = mb.find();
            if (!ha || !hb) {
                return Boolean.compare(ha, hb);
            }
            String ca = ma.group();
            String cb = mb.group();
            boolean da = Character.isDigit(ca.charAt(0));
            boolean db = Character.isDigit(cb.charAt(0));
            int c = da && db ? new java.math.BigInteger(ca).compareTo(new java.math.BigInteger(cb)) : ca.compareTo(cb);
            if (c != 0) {
                return c;
            }
        }
    }
}
