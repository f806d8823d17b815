package io.jenkins.plugins.nestedpve.sim.shell.programs;

import io.jenkins.plugins.nestedpve.sim.shell.Command;
import io.jenkins.plugins.nestedpve.sim.shell.Invocation;
import io.jenkins.plugins.nestedpve.sim.shell.parse.Escapes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** cut, tr, sort. */
final class FieldPrograms {
    private FieldPrograms() {}

    static void register(Map<String, Command> programs) {
        programs.put("cut", FieldPrograms::cut);
        programs.put("tr", FieldPrograms::tr);
        programs.put("sort", FieldPrograms::sort);
    }

    private static int cut(Invocation inv) throws InterruptedException {
        Opts o = Opts.parse(inv.params(), "dfcb");
        String list = o.value('f', o.value('c', o.value('b', null)));
        if (list == null) {
            inv.err().println("cut: you must specify a list of bytes, characters, or fields");
            inv.err().println("Try 'cut --help' for more information.");
            return 1;
        }
        boolean fields = o.values.containsKey('f');
        String delimiter = o.value('d', "\t");
        if (fields && delimiter.length() != 1) {
            inv.err().println("cut: the delimiter must be a single character");
            return 1;
        }
        String outDelim = o.longs.getOrDefault("output-delimiter", delimiter);
        int[] status = {0};
        String text = TextPrograms.input(inv, "cut", o.operands, status);
        for (String line : Inputs.lines(text)) {
            if (fields && !line.contains(delimiter)) {
                if (!o.has('s')) {
                    inv.out().println(line);
                }
                continue;
            }
            String[] parts = fields ? line.split(java.util.regex.Pattern.quote(delimiter), -1) : line.split("");
            List<String> picked = new ArrayList<>();
            for (int i = 1; i <= parts.length; i++) {
                if (selected(list, i)) {
                    picked.add(parts[i - 1]);
                }
            }
            inv.out().println(String.join(fields ? outDelim : "", picked));
        }
        return status[0];
    }

    /** Whether 1-based position {@code n} is in a list like {@code 1,3-4,6-}. */
    private static boolean selected(String list, int n) {
        for (String range : list.split(",")) {
            int dash = range.indexOf('-');
            if (dash < 0) {
                if (Integer.parseInt(range) == n) {
                    return true;
                }
                continue;
            }
            int lo = dash == 0 ? 1 : Integer.parseInt(range.substring(0, dash));
            int hi = dash == range.length() - 1 ? Integer.MAX_VALUE : Integer.parseInt(range.substring(dash + 1));
            if (n >= lo && n <= hi) {
                return true;
            }
        }
        return false;
    }

    private static int tr(Invocation inv) throws InterruptedException {
        Opts o = Opts.parse(inv.params(), "");
        boolean delete = o.has('d', "delete");
        boolean squeeze = o.has('s', "squeeze-repeats");
        boolean complement = o.has('c') || o.has('C');
        if (o.operands.isEmpty() || (!delete && !squeeze && o.operands.size() < 2)) {
            inv.err().println("tr: missing operand");
            return 1;
        }
        String set1 = expandSet(o.operands.get(0));
        String set2 = o.operands.size() > 1 ? expandSet(o.operands.get(1)) : "";
        String text = Inputs.stdin(inv);
        StringBuilder out = new StringBuilder();
        String squeezeSet = delete || o.operands.size() < 2 ? set1 : set2;
        char last = 0;
        boolean haveLast = false;
        for (char c : text.toCharArray()) {
            boolean in1 = (set1.indexOf(c) >= 0) != complement;
            if (delete && in1) {
                continue;
            }
            char mapped = c;
            if (!delete && in1 && !set2.isEmpty() && !complement) {
                mapped = set2.charAt(Math.min(set1.indexOf(c), set2.length() - 1));
            } else if (!delete && in1 && !set2.isEmpty()) {
                mapped = set2.charAt(set2.length() - 1);
            }
            if (squeeze && haveLast && mapped == last && squeezeSet.indexOf(mapped) >= 0) {
                continue;
            }
            out.append(mapped);
            last = mapped;
            haveLast = true;
        }
        inv.out().print(out);
        return 0;
    }

    /** Expands ranges, escapes and {@code [:class:]} of a tr set into its characters. */
    static String expandSet(String set) {
        Map<String, String> classes = Map.of(
                "[:upper:]",
                range('A', 'Z'),
                "[:lower:]",
                range('a', 'z'),
                "[:digit:]",
                range('0', '9'),
                "[:alpha:]",
                range('A', 'Z') + range('a', 'z'),
                "[:alnum:]",
                range('0', '9') + range('A', 'Z') + range('a', 'z'),
                "[:space:]",
                " \t\n\r\013\f",
                "[:blank:]",
                " \t",
                "[:punct:]",
                "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
                "[:xdigit:]",
                range('0', '9') + "ABCDEFabcdef");
        StringBuilder decoded = new StringBuilder();
        for (int i = 0; i < set.length(); ) {
            String at = set.substring(i);
            String match =
                    classes.keySet().stream().filter(at::startsWith).findFirst().orElse(null);
            if (match != null) {
                decoded.append(classes.get(match));
                i += match.length();
            } else if (set.charAt(i) == '\\' && i + 1 < set.length()) {
                i = Escapes.decode(set, i + 1, decoded, true);
            } else if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
                decoded.append(range(set.charAt(i), set.charAt(i + 2)));
                i += 3;
            } else {
                decoded.append(set.charAt(i++));
            }
        }
        return decoded.toString();
    }

    private static String range(char from, char to) {
        StringBuilder sb = new StringBuilder();
        for (char c = from; c <= to; c++) {
            sb.append(c);
        }
        return sb.toString();
    }

    private static int sort(Invocation inv) throws InterruptedException {
        Opts o = Opts.parse(inv.params(), "kto");
        int[] status = {0};
        String text = TextPrograms.input(inv, "sort", o.operands, status);
        List<String> lines = new ArrayList<>(Inputs.lines(text));
        String sep = o.value('t', null);
        String key = o.value('k', null);
        int field = key == null ? 0 : Integer.parseInt(key.replaceAll("[^0-9].*$", ""));
        Comparator<String> byKey = Comparator.comparing(line -> keyOf(line, field, sep), keyComparator(o));
        if (o.has('r', "reverse")) {
            byKey = byKey.reversed();
        }
        lines.sort(byKey);
        String previous = null;
        for (String line : lines) {
            String k = keyOf(line, field, sep);
            if (o.has('u', "unique") && previous != null && keyComparator(o).compare(previous, k) == 0) {
                continue;
            }
            previous = k;
            inv.out().println(line);
        }
        return status[0];
    }

    private static Comparator<String> keyComparator(Opts o) {
        if (o.has('n', "numeric-sort") || o.has('g')) {
            return Comparator.comparingDouble(FieldPrograms::leadingNumber);
        }
        if (o.has('V', "version-sort")) {
            return VersionOrder::compare;
        }
        return o.has('f', "ignore-case") ? String.CASE_INSENSITIVE_ORDER : Comparator.naturalOrder();
    }

    private static String keyOf(String line, int field, String sep) {
        if (field <= 0) {
            return line;
        }
        String[] parts = sep == null ? line.trim().split("\\s+") : line.split(java.util.regex.Pattern.quote(sep), -1);
        return field <= parts.length ? parts[field - 1] : "";
    }

    private static double leadingNumber(String s) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("^\\s*-?\\d+(\\.\\d+)?").matcher(s);
        return m.find() ? Double.parseDouble(m.group().trim()) : 0;
    }
}
