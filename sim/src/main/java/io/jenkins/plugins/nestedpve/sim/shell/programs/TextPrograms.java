package io.jenkins.plugins.nestedpve.sim.shell.programs;

import io.jenkins.plugins.nestedpve.sim.shell.Command;
import io.jenkins.plugins.nestedpve.sim.shell.Invocation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** head, tail, wc, uniq: line-oriented filters over files or stdin. */
final class TextPrograms {
    private TextPrograms() {}

    static void register(Map<String, Command> programs) {
        programs.put("head", inv -> headTail(inv, true));
        programs.put("tail", inv -> headTail(inv, false));
        programs.put("wc", TextPrograms::wc);
        programs.put("uniq", TextPrograms::uniq);
    }

    /** Concatenated input of the operands (stdin when none); null after printing an error. */
    static String input(Invocation inv, String prog, List<String> operands, int[] status) throws InterruptedException {
        if (operands.isEmpty()) {
            return Inputs.stdin(inv);
        }
        StringBuilder sb = new StringBuilder();
        for (String name : operands) {
            Optional<String> content = Inputs.read(inv, prog, name);
            if (content.isEmpty()) {
                status[0] = 1;
            } else {
                sb.append(content.get());
            }
        }
        return sb.toString();
    }

    private static int headTail(Invocation inv, boolean head) throws InterruptedException {
        String prog = head ? "head" : "tail";
        List<String> params = new ArrayList<>();
        for (String p : inv.params()) {
            params.add(p.matches("-\\d+") ? "-n" + p.substring(1) : p);
        }
        Opts o = Opts.parse(params, "nc");
        String count = o.value('n', o.value('c', "10"));
        boolean bytes = o.values.containsKey('c');
        int[] status = {0};
        String text = input(inv, prog, o.operands, status);
        boolean fromStart = count.startsWith("+");
        boolean allBut = count.startsWith("-");
        long n;
        try {
            n = Long.parseLong(count.replaceFirst("^[+-]", ""));
        } catch (NumberFormatException e) {
            inv.err().println(prog + ": invalid number of " + (bytes ? "bytes" : "lines") + ": '" + count + "'");
            return 1;
        }
        if (bytes) {
            byte[] data = text.getBytes(StandardCharsets.UTF_8);
            int len = data.length;
            int from = head ? 0 : fromStart ? (int) Math.min(len, Math.max(0, n - 1)) : (int) Math.max(0, len - n);
            int to = head ? (allBut ? (int) Math.max(0, len - n) : (int) Math.min(len, n)) : len;
            inv.out().write(data, from, Math.max(0, to - from));
            return status[0];
        }
        List<String> lines = Inputs.lines(text);
        int size = lines.size();
        int from;
        int to;
        if (head) {
            from = 0;
            to = allBut ? (int) Math.max(0, size - n) : (int) Math.min(size, n);
        } else {
            from = fromStart ? (int) Math.min(size, Math.max(0, n - 1)) : (int) Math.max(0, size - n);
            to = size;
        }
        boolean keepMissingNewline = to == size && !text.endsWith("\n") && !text.isEmpty();
        for (int i = from; i < to; i++) {
            inv.out().print(lines.get(i));
            if (i < to - 1 || !keepMissingNewline) {
                inv.out().print('\n');
            }
        }
        return status[0];
    }

    private static int wc(Invocation inv) throws InterruptedException {
        Opts o = Opts.parse(inv.params(), "");
        boolean l = o.has('l', "lines");
        boolean w = o.has('w', "words");
        boolean c = o.has('c', "bytes");
        boolean m = o.has('m', "chars");
        if (!l && !w && !c && !m) {
            l = true;
            w = true;
            c = true;
        }
        int[] status = {0};
        List<String> names = o.operands.isEmpty() ? List.of("-") : o.operands;
        int fields = (l ? 1 : 0) + (w ? 1 : 0) + (c ? 1 : 0) + (m ? 1 : 0);
        long[] total = new long[4];
        List<long[]> rows = new ArrayList<>();
        for (String name : names) {
            Optional<String> content = Inputs.read(inv, "wc", name);
            if (content.isEmpty()) {
                status[0] = 1;
                continue;
            }
            String t = content.get();
            long[] counts = {
                t.chars().filter(ch -> ch == '\n').count(),
                t.isBlank() ? 0 : t.trim().split("\\s+").length,
                t.codePointCount(0, t.length()),
                t.getBytes(StandardCharsets.UTF_8).length
            };
            for (int i = 0; i < 4; i++) {
                total[i] += counts[i];
            }
            rows.add(counts);
            printCounts(inv, counts, new boolean[] {l, w, m, c}, fields, name, o.operands.isEmpty());
        }
        if (names.size() > 1) {
            printCounts(inv, total, new boolean[] {l, w, m, c}, fields, "total", false);
        }
        return status[0];
    }

    private static void printCounts(
            Invocation inv, long[] counts, boolean[] which, int fields, String name, boolean stdin) {
        List<String> parts = new ArrayList<>();
        int width = fields == 1 ? 0 : 7;
        for (int i = 0; i < 4; i++) {
            if (which[i]) {
                parts.add(String.format(Locale.ROOT, "%" + (width == 0 ? "" : width) + "d", counts[i]));
            }
        }
        String line = String.join(" ", parts);
        inv.out().println(stdin ? line : line + " " + name);
    }

    private static int uniq(Invocation inv) throws InterruptedException {
        Opts o = Opts.parse(inv.params(), "");
        int[] status = {0};
        String text = input(inv, "uniq", o.operands.isEmpty() ? List.of() : o.operands.subList(0, 1), status);
        List<String> lines = Inputs.lines(text);
        int i = 0;
        while (i < lines.size()) {
            int j = i;
            while (j < lines.size() && equal(lines.get(j), lines.get(i), o.has('i'))) {
                j++;
            }
            int count = j - i;
            boolean show = o.has('d') ? count > 1 : !o.has('u') || count == 1;
            if (show) {
                inv.out()
                        .println(o.has('c') ? String.format(Locale.ROOT, "%7d %s", count, lines.get(i)) : lines.get(i));
            }
            i = j;
        }
        return status[0];
    }

    private static boolean equal(String a, String b, boolean ignoreCase) {
        return ignoreCase ? a.equalsIgnoreCase(b) : a.equals(b);
    }
}
