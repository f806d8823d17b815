package io.jenkins.plugins.nestedpve.schema;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A schema {@code pattern} checked the way pve-common:src/PVE/JSONSchema.pm check_prop does:
 * {@code $value =~ m/^$pattern$/} — the pattern is interpolated between the anchors without a
 * group, so a top-level alternation is anchored on one side only, exactly as in PVE.
 *
 * <p>apidata holds Perl regex source; the few Perl-only constructs it uses are translated:
 * stringified {@code qr//} flags {@code (?^:...)}, the {@code {,n}} quantifier (Perl >= 5.34),
 * {@code \0}, POSIX classes and a literal {@code [} inside a character class.
 */
final class PerlRegex {
    private static final Map<String, String> POSIX = Map.ofEntries(
            Map.entry("alnum", "\\p{Alnum}"),
            Map.entry("alpha", "\\p{Alpha}"),
            Map.entry("digit", "\\d"),
            Map.entry("space", "\\s"),
            Map.entry("upper", "\\p{Upper}"),
            Map.entry("lower", "\\p{Lower}"),
            Map.entry("xdigit", "\\p{XDigit}"),
            Map.entry("punct", "\\p{Punct}"),
            Map.entry("word", "\\w"));

    private final String source;
    private final Pattern anchored;

    private PerlRegex(String source, Pattern anchored) {
        this.source = source;
        this.anchored = anchored;
    }

    /** Compiles {@code ^source$}; throws {@link PatternSyntaxException} for untranslatable input. */
    static PerlRegex anchored(String perlSource) {
        // UNIX_LINES: '.' excludes only "\n" and '$' matches before a final "\n", as in Perl.
        Pattern p = Pattern.compile("^" + toJava(perlSource) + "$", Pattern.UNIX_LINES);
        return new PerlRegex(perlSource, p);
    }

    boolean matches(String value) {
        return anchored.matcher(value).find();
    }

    String source() {
        return source;
    }

    static String toJava(String perl) {
        StringBuilder out = new StringBuilder(perl.length() + 8);
        boolean inClass = false;
        int i = 0;
        while (i < perl.length()) {
            char c = perl.charAt(i);
            if (c == '\\' && i + 1 < perl.length()) {
                i = escape(perl, i, out);
            } else if (inClass) {
                i = classChar(perl, i, out);
                inClass = c != ']';
            } else if (c == '[') {
                out.append(c);
                i = classOpening(perl, i + 1, out);
                inClass = true;
            } else if (c == '(' && perl.startsWith("(?^", i)) {
                i = flagGroup(perl, i, out);
            } else if (c == '{' && perl.startsWith("{,", i)) {
                out.append("{0,");
                i += 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    // A ']' directly after '[' or '[^' is a literal in both dialects.
    private static int classOpening(String perl, int i, StringBuilder out) {
        if (i < perl.length() && perl.charAt(i) == '^') {
            out.append('^');
            i++;
        }
        if (i < perl.length() && perl.charAt(i) == ']') {
            out.append("\\]");
            i++;
        }
        return i;
    }

    private static int classChar(String perl, int i, StringBuilder out) {
        char c = perl.charAt(i);
        if (c == '[' && perl.startsWith("[:", i)) {
            int end = perl.indexOf(":]", i + 2);
            if (end > 0) {
                String name = perl.substring(i + 2, end);
                boolean negated = name.startsWith("^");
                String cls = POSIX.get(negated ? name.substring(1) : name);
                if (cls != null) {
                    out.append(negated ? cls.replace("\\p", "\\P").replace("\\d", "\\D") : cls);
                    return end + 2;
                }
            }
        }
        if (c == '[') {
            out.append("\\["); // Java would start a nested class
        } else if (c == '&' && perl.startsWith("&&", i)) {
            out.append("&\\&"); // Java would read an intersection
            return i + 2;
        } else {
            out.append(c);
        }
        return i + 1;
    }

    private static int escape(String perl, int i, StringBuilder out) {
        char n = perl.charAt(i + 1);
        boolean octalFollows = i + 2 < perl.length() && perl.charAt(i + 2) >= '0' && perl.charAt(i + 2) <= '7';
        if (n == '0' && !octalFollows) {
            out.append("\\x00");
        } else {
            out.append('\\').append(n);
        }
        return i + 2;
    }

    // "(?^:" / "(?^i:" (a stringified qr//) -> "(?:" / "(?i:"; Perl-only flags are dropped.
    private static int flagGroup(String perl, int i, StringBuilder out) {
        int j = i + 3;
        StringBuilder flags = new StringBuilder();
        while (j < perl.length() && Character.isLetter(perl.charAt(j))) {
            char f = perl.charAt(j);
            if ("imsx".indexOf(f) >= 0) {
                flags.append(f);
            }
            j++;
        }
        if (j < perl.length() && perl.charAt(j) == ':') {
            out.append("(?").append(flags).append(':');
            return j + 1;
        }
        out.append("(?").append(flags).append(')');
        return j + 1;
    }
}
