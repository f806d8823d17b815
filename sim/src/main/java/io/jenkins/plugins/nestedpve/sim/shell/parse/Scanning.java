package io.jenkins.plugins.nestedpve.sim.shell.parse;

/** Finds the end of nested constructs ({@code $(...)}, {@code ${...}}) while skipping quoted text. */
final class Scanning {
    private Scanning() {}

    /** Index of the {@code )} matching the {@code (} at {@code open}. */
    static int matchParen(String src, int open) {
        int depth = 0;
        int p = open;
        while (p < src.length()) {
            char c = src.charAt(p);
            if (c == '\\') {
                p += 2;
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') {
                p = skipQuoted(src, p);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return p;
            }
            p++;
        }
        throw new SyntaxException("unexpected EOF while looking for matching `)'", 1);
    }

    /** Index of the {@code }} closing a {@code ${} whose content starts at {@code from}. */
    static int matchBrace(String src, int from) {
        int depth = 1;
        int p = from;
        while (p < src.length()) {
            char c = src.charAt(p);
            if (c == '\\') {
                p += 2;
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') {
                p = skipQuoted(src, p);
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return p;
            }
            p++;
        }
        throw new SyntaxException("unexpected EOF while looking for matching `}'", 1);
    }

    /** Position after the quoted string starting at {@code p}. */
    private static int skipQuoted(String src, int p) {
        char quote = src.charAt(p);
        int q = p + 1;
        while (q < src.length() && src.charAt(q) != quote) {
            if (src.charAt(q) == '\\' && quote != '\'') {
                q++;
            }
            q++;
        }
        if (q >= src.length()) {
            throw new SyntaxException("unexpected EOF while looking for matching `" + quote + "'", 1);
        }
        return q + 1;
    }
}
