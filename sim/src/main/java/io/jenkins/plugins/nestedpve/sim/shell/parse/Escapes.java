package io.jenkins.plugins.nestedpve.sim.shell.parse;

/** Backslash escapes as understood by {@code $'...'}, {@code echo -e} and {@code printf}. */
public final class Escapes {
    private Escapes() {}

    /**
     * Decodes the escape whose character after the backslash is at {@code at}, appending to {@code
     * out}.
     *
     * @param ansiC {@code $'...'} and printf-format rules ({@code \nnn} octal); otherwise echo rules
     *     ({@code \0nnn})
     * @return the position after the escape
     */
    public static int decode(String s, int at, StringBuilder out, boolean ansiC) {
        char c = s.charAt(at);
        switch (c) {
            case 'a' -> out.append('\007');
            case 'b' -> out.append('\b');
            case 'e', 'E' -> out.append('\033');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'v' -> out.append('\013');
            case '\\' -> out.append('\\');
            case '\'', '"', '?' -> {
                if (!ansiC && c != '\\') {
                    out.append('\\');
                }
                out.append(c);
            }
            case 'x' -> {
                return number(s, at + 1, 16, 2, out, "\\x");
            }
            case 'u' -> {
                return number(s, at + 1, 16, 4, out, "\\u");
            }
            case 'U' -> {
                return number(s, at + 1, 16, 8, out, "\\U");
            }
            default -> {
                if (c == '0' && !ansiC) {
                    return number(s, at + 1, 8, 3, out, "\\0");
                }
                if (c >= '0' && c <= '7' && ansiC) {
                    return number(s, at, 8, 3, out, "\\");
                }
                out.append('\\').append(c);
            }
        }
        return at + 1;
    }

    private static int number(String s, int from, int radix, int maxDigits, StringBuilder out, String prefix) {
        int end = from;
        while (end < s.length() && end - from < maxDigits && Character.digit(s.charAt(end), radix) >= 0) {
            end++;
        }
        if (end == from) {
            if (radix == 8) {
                out.append('\0');
            } else {
                out.append(prefix);
            }
            return end;
        }
        out.appendCodePoint(Integer.parseInt(s.substring(from, end), radix));
        return end;
    }

    /**
     * Decodes {@code echo -e} / {@code printf %b} text. Returns {@code null} as the second element
     * never; stops at {@code \c} and reports it through {@code stopped[0]}.
     */
    public static String echo(String s, boolean[] stopped) {
        StringBuilder out = new StringBuilder();
        int p = 0;
        while (p < s.length()) {
            char c = s.charAt(p);
            if (c == '\\' && p + 1 < s.length()) {
                if (s.charAt(p + 1) == 'c') {
                    stopped[0] = true;
                    return out.toString();
                }
                p = decode(s, p + 1, out, false);
            } else {
                out.append(c);
                p++;
            }
        }
        return out.toString();
    }
}
