package io.jenkins.plugins.nestedpve.sim.shell;

import java.util.Map;
import java.util.regex.Pattern;

/** Translates POSIX basic/extended regular expressions and bracket expressions to Java regex. */
public final class Regexes {
    private static final Map<String, String> CLASSES = Map.ofEntries(
            Map.entry("alpha", "\\p{Alpha}"),
            Map.entry("digit", "0-9"),
            Map.entry("alnum", "\\p{Alnum}"),
            Map.entry("upper", "\\p{Upper}"),
            Map.entry("lower", "\\p{Lower}"),
            Map.entry("space", "\\s\\x0B"),
            Map.entry("blank", " \\t"),
            Map.entry("punct", "\\p{Punct}"),
            Map.entry("xdigit", "0-9A-Fa-f"),
            Map.entry("print", "\\p{Print}"),
            Map.entry("graph", "\\p{Graph}"),
            Map.entry("cntrl", "\\p{Cntrl}"));

    private Regexes() {}

    /**
     * Index of the {@code ]} closing the bracket expression opened at {@code open}, or -1.
     * Handles a leading {@code ]} or {@code ^]}/{@code !]} and {@code [:class:]} inside.
     */
    public static int bracketEnd(String p, int open) {
        int i = open + 1;
        if (i < p.length() && (p.charAt(i) == '^' || p.charAt(i) == '!')) {
            i++;
        }
        if (i < p.length() && p.charAt(i) == ']') {
            i++;
        }
        while (i < p.length()) {
            if (p.startsWith("[:", i)) {
                int close = p.indexOf(":]", i + 2);
                if (close < 0) {
                    return -1;
                }
                i = close + 2;
            } else if (p.charAt(i) == ']') {
                return i;
            } else {
                i++;
            }
        }
        return -1;
    }

    /** Converts the inside of a POSIX bracket expression (without the brackets) to a Java class body. */
    public static String bracketBody(String body) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        if (body.startsWith("^") || body.startsWith("!")) {
            sb.append('^');
            i = 1;
        }
        for (; i < body.length(); i++) {
            char c = body.charAt(i);
            if (body.startsWith("[:", i)) {
                int close = body.indexOf(":]", i);
                String name = body.substring(i + 2, close);
                sb.append(CLASSES.getOrDefault(name, ""));
                i = close + 1;
            } else if (c == '[' || c == '&' || c == '\\' || (c == '^' && i > 0)) {
                sb.append('\\').append(c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Compiles a POSIX regex; {@code extended} selects ERE ({@code grep -E}, {@code sed -E}). */
    public static Pattern compile(String posix, boolean extended, boolean ignoreCase) {
        String java = extended ? fromExtended(posix) : fromBasic(posix);
        return Pattern.compile(java, ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    }

    static String fromBasic(String bre) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bre.length(); i++) {
            char c = bre.charAt(i);
            if (c == '\\' && i + 1 < bre.length()) {
                char n = bre.charAt(++i);
                if ("(){}|+?".indexOf(n) >= 0) {
                    sb.append(n);
                } else if (Character.isDigit(n) || "wWsSbB<>".indexOf(n) >= 0) {
                    sb.append(n == '<' || n == '>' ? "\\b" : "\\" + n);
                } else {
                    sb.append(Pattern.quote(String.valueOf(n)));
                }
            } else if (c == '[') {
                i = bracket(bre, i, sb);
            } else if ("(){}|+?".indexOf(c) >= 0) {
                sb.append('\\').append(c);
            } else if (c == '*' && (i == 0 || bre.charAt(i - 1) == '^' && i == 1)) {
                sb.append("\\*");
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static String fromExtended(String ere) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ere.length(); i++) {
            char c = ere.charAt(i);
            if (c == '\\' && i + 1 < ere.length()) {
                char n = ere.charAt(++i);
                sb.append(n == '<' || n == '>' ? "\\b" : "\\" + n);
            } else if (c == '[') {
                i = bracket(ere, i, sb);
            } else if (c == '{' && (i + 1 >= ere.length() || !Character.isDigit(ere.charAt(i + 1)))) {
                sb.append("\\{");
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static int bracket(String re, int open, StringBuilder sb) {
        int close = bracketEnd(re, open);
        if (close < 0) {
            sb.append("\\[");
            return open;
        }
        sb.append('[').append(bracketBody(re.substring(open + 1, close))).append(']');
        return close;
    }
}
