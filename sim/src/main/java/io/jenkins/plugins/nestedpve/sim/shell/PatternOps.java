package io.jenkins.plugins.nestedpve.sim.shell;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ${v%pat}}, {@code ${v##pat}}, {@code ${v/pat/rep}} and friends. */
final class PatternOps {
    private PatternOps() {}

    static String remove(String value, String op, String pattern) {
        Pattern regex = Glob.toRegex(pattern);
        int n = value.length();
        switch (op) {
            case "#":
                for (int i = 0; i <= n; i++) {
                    if (regex.matcher(value.substring(0, i)).matches()) {
                        return value.substring(i);
                    }
                }
                return value;
            case "##":
                for (int i = n; i >= 0; i--) {
                    if (regex.matcher(value.substring(0, i)).matches()) {
                        return value.substring(i);
                    }
                }
                return value;
            case "%":
                for (int i = n; i >= 0; i--) {
                    if (regex.matcher(value.substring(i)).matches()) {
                        return value.substring(0, i);
                    }
                }
                return value;
            default:
                for (int i = 0; i <= n; i++) {
                    if (regex.matcher(value.substring(i)).matches()) {
                        return value.substring(0, i);
                    }
                }
                return value;
        }
    }

    static String replace(String value, boolean all, String arg) {
        int slash = -1;
        for (int i = 0; i < arg.length(); i++) {
            if (arg.charAt(i) == '\\') {
                i++;
            } else if (arg.charAt(i) == '/') {
                slash = i;
                break;
            }
        }
        String pattern = slash < 0 ? arg : arg.substring(0, slash);
        String replacement = slash < 0 ? "" : arg.substring(slash + 1);
        if (pattern.isEmpty()) {
            return value;
        }
        Matcher m = Glob.toRegex(pattern).matcher(value);
        String quoted = Matcher.quoteReplacement(replacement);
        return all ? m.replaceAll(quoted) : m.replaceFirst(quoted);
    }
}
