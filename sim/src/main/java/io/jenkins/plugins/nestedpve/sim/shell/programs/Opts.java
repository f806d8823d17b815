package io.jenkins.plugins.nestedpve.sim.shell.programs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GNU-style option parsing: bundled short flags ({@code -rf}), short options with values ({@code
 * -n 5}, {@code -n5}), long options ({@code --all}, {@code --lines=5}), {@code --}, and options
 * after operands.
 */
final class Opts {
    final Set<Character> flags = new LinkedHashSet<>();
    final Map<Character, List<String>> values = new LinkedHashMap<>();
    final Map<String, String> longs = new LinkedHashMap<>();
    final List<String> operands = new ArrayList<>();

    private Opts() {}

    /**
     * Parses {@code args}.
     *
     * @param valued the short option letters that take a value
     */
    static Opts parse(List<String> args, String valued) {
        Opts o = new Opts();
        boolean options = true;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!options || a.equals("-") || !a.startsWith("-")) {
                o.operands.add(a);
            } else if (a.equals("--")) {
                options = false;
            } else if (a.startsWith("--")) {
                int eq = a.indexOf('=');
                o.longs.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "" : a.substring(eq + 1));
            } else {
                for (int c = 1; c < a.length(); c++) {
                    char letter = a.charAt(c);
                    if (valued.indexOf(letter) >= 0) {
                        String value =
                                c + 1 < a.length() ? a.substring(c + 1) : (i + 1 < args.size() ? args.get(++i) : "");
                        o.values.computeIfAbsent(letter, k -> new ArrayList<>()).add(value);
                        break;
                    }
                    o.flags.add(letter);
                }
            }
        }
        return o;
    }

    boolean has(char flag) {
        return flags.contains(flag);
    }

    boolean has(char flag, String longName) {
        return flags.contains(flag) || longs.containsKey(longName);
    }

    /** The last value of a short option, or {@code dflt}. */
    String value(char letter, String dflt) {
        List<String> v = values.get(letter);
        return v == null || v.isEmpty() ? dflt : v.get(v.size() - 1);
    }

    List<String> all(char letter) {
        return values.getOrDefault(letter, List.of());
    }
}
