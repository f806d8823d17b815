package io.jenkins.plugins.nestedpve.sim.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Shell pattern matching ({@code *}, {@code ?}, {@code [...]}) and pathname expansion over the
 * {@link VirtualFs}. In patterns a backslash quotes the next character.
 */
public final class Glob {
    private Glob() {}

    /** Whether {@code pattern} has an unquoted {@code *}, {@code ?} or {@code [}. */
    public static boolean hasMeta(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?' || c == '[') {
                return true;
            }
        }
        return false;
    }

    /** Quotes every pattern character of literal text. */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if ("*?[]\\".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Removes the quoting backslashes of a pattern. */
    public static String unescape(String pattern) {
        StringBuilder sb = new StringBuilder(pattern.length());
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                c = pattern.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** The Java regex matching exactly what the shell pattern matches. */
    public static Pattern toRegex(String pattern) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else if (c == '[' && Regexes.bracketEnd(pattern, i) > 0) {
                int close = Regexes.bracketEnd(pattern, i);
                re.append('[')
                        .append(Regexes.bracketBody(pattern.substring(i + 1, close)))
                        .append(']');
                i = close;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    /**
     * Expands a pathname pattern against the file system; the result is sorted, in the form typed
     * (relative stays relative), and empty when nothing matches.
     */
    public static List<String> expand(String pattern, String cwd, VirtualFs fs) {
        List<String> results = new ArrayList<>();
        boolean absolute = pattern.startsWith("/");
        String[] components = pattern.split("/+");
        int first = absolute ? 1 : 0;
        walk(components, first, absolute ? "/" : "", absolute ? "/" : cwd, fs, results);
        results.sort(null);
        return results;
    }

    private static void walk(String[] comps, int i, String typed, String dir, VirtualFs fs, List<String> out) {
        if (i >= comps.length) {
            out.add(typed);
            return;
        }
        String comp = comps[i];
        String sep = typed.isEmpty() || typed.endsWith("/") ? "" : "/";
        if (!hasMeta(comp)) {
            String name = unescape(comp);
            String path = VirtualFs.resolve(dir, name);
            if (fs.exists(path) || name.equals("..") || name.equals(".")) {
                walk(comps, i + 1, typed + sep + name, path, fs, out);
            }
            return;
        }
        Pattern regex = toRegex(comp);
        for (String name : fs.list(dir)) {
            if (name.startsWith(".") && !comp.startsWith(".")) {
                continue;
            }
            String path = VirtualFs.resolve(dir, name);
            boolean last = i == comps.length - 1;
            if (regex.matcher(name).matches() && (last || fs.isDirectory(path))) {
                walk(comps, i + 1, typed + sep + name, path, fs, out);
            }
        }
    }
}
