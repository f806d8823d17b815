package io.jenkins.plugins.nestedpve.sim.shell.programs;

import io.jenkins.plugins.nestedpve.sim.shell.Invocation;
import io.jenkins.plugins.nestedpve.sim.shell.Regexes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A very small awk: {@code awk [-F SEP] '[PATTERN] { print ITEM[, ITEM]... }' [FILE...]} where a
 * pattern is {@code /re/}, {@code !/re/}, {@code NR==n} (or {@code < > <= >= !=}) or {@code $n ==
 * "text"}, and items are {@code $n}, {@code $NF}, {@code $(NF-k)}, {@code NR}, {@code NF} or string
 * literals.
 */
final class Awk {
    private static final Pattern RULE =
            Pattern.compile("^\\s*(.*?)\\s*\\{\\s*print\\s*(.*?)\\s*;?\\s*}\\s*$", Pattern.DOTALL);
    private static final Pattern ITEM =
            Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"|\\$\\(NF-(\\d+)\\)|\\$(NF|\\d+)|(NR|NF)|(,)");
    private static final Pattern COMPARE =
            Pattern.compile("^(NR|NF|\\$\\d+)\\s*(==|!=|<=|>=|<|>)\\s*(\"[^\"]*\"|\\d+)$");

    private Awk() {}

    static int run(Invocation inv) throws InterruptedException {
        Opts o = Opts.parse(inv.params(), "Fv");
        if (o.operands.isEmpty()) {
            inv.err().println("usage: awk [-F fs] 'prog' [file ...]");
            return 2;
        }
        String program = o.operands.get(0);
        Matcher rule = RULE.matcher(program);
        if (!rule.matches()) {
            inv.err().println("awk: unsupported program: " + program);
            return 2;
        }
        String sep = o.value('F', null);
        int[] status = {0};
        String text = TextPrograms.input(inv, "awk", o.operands.subList(1, o.operands.size()), status);
        List<String> lines = Inputs.lines(text);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            List<String> fields = split(line, sep);
            if (selected(rule.group(1), line, fields, n + 1)) {
                inv.out().println(print(rule.group(2), line, fields, n + 1));
            }
        }
        return status[0];
    }

    static List<String> split(String line, String sep) {
        if (sep == null || sep.equals(" ")) {
            String trimmed = line.strip();
            return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("[ \\t]+"));
        }
        String s = sep.equals("\\t") || sep.equals("t") ? "\t" : sep;
        String regex = s.length() == 1
                ? Pattern.quote(s)
                : Regexes.compile(s, true, false).pattern();
        return List.of(line.split(regex, -1));
    }

    private static String field(List<String> fields, String line, int n) {
        if (n == 0) {
            return line;
        }
        return n > 0 && n <= fields.size() ? fields.get(n - 1) : "";
    }

    private static boolean selected(String pattern, String line, List<String> fields, int nr) {
        String p = pattern.trim();
        if (p.isEmpty()) {
            return true;
        }
        if (p.matches("!?/.*/")) {
            boolean negate = p.startsWith("!");
            String re = p.substring(negate ? 2 : 1, p.length() - 1);
            return Regexes.compile(re, true, false).matcher(line).find() != negate;
        }
        Matcher m = COMPARE.matcher(p);
        if (!m.matches()) {
            return false;
        }
        String left = switch (m.group(1)) {
            case "NR" -> Integer.toString(nr);
            case "NF" -> Integer.toString(fields.size());
            default -> field(fields, line, Integer.parseInt(m.group(1).substring(1)));
        };
        String right =
                m.group(3).startsWith("\"") ? m.group(3).substring(1, m.group(3).length() - 1) : m.group(3);
        int cmp = left.matches("-?\\d+") && right.matches("-?\\d+")
                ? Long.compare(Long.parseLong(left), Long.parseLong(right))
                : left.compareTo(right);
        return switch (m.group(2)) {
            case "==" -> cmp == 0;
            case "!=" -> cmp != 0;
            case "<" -> cmp < 0;
            case "<=" -> cmp <= 0;
            case ">" -> cmp > 0;
            default -> cmp >= 0;
        };
    }

    private static String print(String items, String line, List<String> fields, int nr) {
        if (items.isBlank()) {
            return line;
        }
        StringBuilder out = new StringBuilder();
        Matcher m = ITEM.matcher(items);
        List<String> pieces = new ArrayList<>();
        while (m.find()) {
            if (m.group(1) != null) {
                out.append(m.group(1).replace("\\t", "\t").replace("\\n", "\n").replace("\\\"", "\""));
            } else if (m.group(2) != null) {
                out.append(field(fields, line, fields.size() - Integer.parseInt(m.group(2))));
            } else if (m.group(3) != null) {
                out.append(field(fields, line, m.group(3).equals("NF") ? fields.size() : Integer.parseInt(m.group(3))));
            } else if (m.group(4) != null) {
                out.append(m.group(4).equals("NR") ? nr : fields.size());
            } else {
                pieces.add(out.toString());
                out.setLength(0);
            }
        }
        pieces.add(out.toString());
        return String.join(" ", pieces);
    }
}
