package io.jenkins.plugins.nestedpve.ssh;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The one place that quotes shell arguments. Every value that reaches a remote command line goes
 * through {@link #quote(String)}: it is wrapped in single quotes, inside which a POSIX shell
 * interprets nothing, and each embedded single quote becomes {@code '\''}.
 */
public final class ShellQuote {
    private ShellQuote() {}

    /** Quotes one argument so the remote shell passes it through verbatim. */
    public static String quote(String arg) {
        if (arg.isEmpty()) {
            return "''";
        }
        if (arg.chars().allMatch(ShellQuote::safe)) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    /** Quotes each argument and joins them with spaces: a command line for {@code argv}. */
    public static String join(List<String> argv) {
        return argv.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
    }

    /** Convenience for {@link #join(List)}. */
    public static String command(String... argv) {
        return join(List.of(argv));
    }

    private static boolean safe(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '_'
                || c == '.'
                || c == '/'
                || c == ':'
                || c == '@'
                || c == ',';
    }
}
