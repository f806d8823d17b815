package io.jenkins.plugins.nestedpve.sim.shell.parse;

/** Parses the inside of {@code ${...}}. */
final class ParamParser {
    private static final String[] OPS = {":-", ":=", ":+", ":?", "-", "=", "+", "?", "%%", "%", "##", "#", "//", "/"};

    private ParamParser() {}

    static WordPart.Param parse(String inner, boolean quoted) {
        if (inner.length() > 1 && inner.startsWith("#")) {
            String name = inner.substring(1);
            if (isName(name) || name.length() == 1) {
                return new WordPart.Param(name, "#len", "", quoted);
            }
        }
        int end = nameEnd(inner);
        if (end == 0) {
            throw new SyntaxException("${" + inner + "}: bad substitution", 1);
        }
        String name = inner.substring(0, end);
        String rest = inner.substring(end);
        if (rest.isEmpty()) {
            return new WordPart.Param(name, "", "", quoted);
        }
        for (String op : OPS) {
            if (rest.startsWith(op)) {
                return new WordPart.Param(name, op, rest.substring(op.length()), quoted);
            }
        }
        throw new SyntaxException("${" + inner + "}: bad substitution", 1);
    }

    private static int nameEnd(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        char first = s.charAt(0);
        if (Character.isDigit(first)) {
            int e = 1;
            while (e < s.length() && Character.isDigit(s.charAt(e))) {
                e++;
            }
            return e;
        }
        if ("?#@*$!-".indexOf(first) >= 0) {
            return 1;
        }
        int e = 0;
        while (e < s.length() && (Character.isLetterOrDigit(s.charAt(e)) || s.charAt(e) == '_')) {
            e++;
        }
        return e;
    }

    static boolean isName(String s) {
        if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) {
            return false;
        }
        return s.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_');
    }
}
