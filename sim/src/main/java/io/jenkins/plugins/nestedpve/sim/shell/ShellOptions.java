package io.jenkins.plugins.nestedpve.sim.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The {@code set} builtin and the option letters shared with {@code bash -euo pipefail}. */
final class ShellOptions {
    private ShellOptions() {}

    static int set(ShellState state, List<String> args, Io io, Interpreter interpreter) {
        if (args.isEmpty()) {
            new TreeMap<>(state.vars).forEach((k, v) -> io.out().println(k + "=" + quote(v)));
            return 0;
        }
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                state.positional = new ArrayList<>(args.subList(i + 1, args.size()));
                return 0;
            }
            if (!(arg.startsWith("-") || arg.startsWith("+")) || arg.length() < 2) {
                state.positional = new ArrayList<>(args.subList(i, args.size()));
                return 0;
            }
            boolean on = arg.charAt(0) == '-';
            for (char letter : arg.substring(1).toCharArray()) {
                boolean ok = letter == 'o'
                        ? i + 1 < args.size() && named(state, args.get(++i), on)
                        : letter(state, letter, on);
                if (!ok) {
                    String bad = letter == 'o' && i < args.size() ? args.get(i) : arg.charAt(0) + "" + letter;
                    interpreter.error(io.err(), "set: " + bad + ": invalid option");
                    return 2;
                }
            }
        }
        return 0;
    }

    /** Applies a single-letter option ({@code e}, {@code u}, {@code x}; others accepted and ignored). */
    static boolean letter(ShellState state, char letter, boolean on) {
        switch (letter) {
            case 'e' -> state.errexit = on;
            case 'u' -> state.nounset = on;
            case 'x' -> state.xtrace = on;
            case 'v', 'h', 'B', 'H', 'm', 'f', 'a', 'b', 'C', 'E', 'T', 'P', 'k', 'n', 't' -> {
                // accepted, no effect in the simulator
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Applies a {@code -o name} option. */
    static boolean named(ShellState state, String name, boolean on) {
        Map<String, Character> letters = Map.of("errexit", 'e', "nounset", 'u', "xtrace", 'x');
        if (letters.containsKey(name)) {
            return letter(state, letters.get(name), on);
        }
        if (name.equals("pipefail")) {
            state.pipefail = on;
            return true;
        }
        return List.of("posix", "noclobber", "noglob", "allexport", "errtrace", "functrace", "verbose", "braceexpand")
                .contains(name);
    }

    private static String quote(String value) {
        if (value.matches("[A-Za-z0-9_./:=@%+,-]*")) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
