package io.jenkins.plugins.nestedpve.sim.shell.programs;

import io.jenkins.plugins.nestedpve.sim.shell.Invocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/** {@code sed [-n] [-E|-r] [-i[SUFFIX]] [-e SCRIPT]... [SCRIPT] [FILE...]}. */
final class Sed {
    private final List<SedScript.Cmd> cmds;
    private final boolean quiet;
    private final boolean[] active;
    private boolean quit;

    private Sed(List<SedScript.Cmd> cmds, boolean quiet) {
        this.cmds = cmds;
        this.quiet = quiet;
        this.active = new boolean[cmds.size()];
    }

    static int run(Invocation inv) throws InterruptedException {
        List<String> params = new ArrayList<>();
        String inPlaceSuffix = null;
        for (String p : inv.params()) {
            if (p.startsWith("-i") || p.startsWith("--in-place")) {
                inPlaceSuffix = p.startsWith("-i") ? p.substring(2) : "";
            } else {
                params.add(p.equals("--quiet") || p.equals("--silent") ? "-n" : p);
            }
        }
        Opts o = Opts.parse(params, "ef");
        List<String> files = new ArrayList<>(o.operands);
        List<String> scripts = new ArrayList<>(o.all('e'));
        if (scripts.isEmpty()) {
            if (files.isEmpty()) {
                inv.err().println("Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...");
                return 1;
            }
            scripts.add(files.remove(0));
        }
        List<SedScript.Cmd> cmds;
        try {
            cmds = SedScript.parse(String.join("\n", scripts), o.has('E') || o.has('r'));
        } catch (SedScript.Error e) {
            inv.err().println("sed: -e expression #1, char " + e.position + ": " + e.getMessage());
            return 1;
        }
        boolean quiet = o.has('n');
        if (inPlaceSuffix != null) {
            return inPlace(inv, cmds, quiet, files, inPlaceSuffix);
        }
        int[] status = {0};
        String input = files.isEmpty() ? Inputs.stdin(inv) : concat(inv, files, status);
        inv.out().print(new Sed(cmds, quiet).apply(input));
        return status[0];
    }

    private static String concat(Invocation inv, List<String> files, int[] status) throws InterruptedException {
        StringBuilder sb = new StringBuilder();
        for (String f : files) {
            Optional<String> content = readOrComplain(inv, f);
            if (content.isEmpty()) {
                status[0] = 2;
            } else {
                sb.append(content.get());
            }
        }
        return sb.toString();
    }

    private static Optional<String> readOrComplain(Invocation inv, String file) throws InterruptedException {
        if (file.equals("-")) {
            return Optional.of(Inputs.stdin(inv));
        }
        Optional<String> content = inv.fs().read(Inputs.path(inv, file));
        if (content.isEmpty()) {
            inv.err().println("sed: can't read " + file + ": No such file or directory");
        }
        return content;
    }

    private static int inPlace(
            Invocation inv, List<SedScript.Cmd> cmds, boolean quiet, List<String> files, String suffix)
            throws InterruptedException {
        if (files.isEmpty()) {
            inv.err().println("sed: no input files");
            return 1;
        }
        int status = 0;
        for (String file : files) {
            Optional<String> content = readOrComplain(inv, file);
            if (content.isEmpty()) {
                status = 2;
                continue;
            }
            String path = Inputs.path(inv, file);
            if (!suffix.isEmpty()) {
                inv.fs().write(path + suffix, content.get());
            }
            inv.fs().write(path, new Sed(cmds, quiet).apply(content.get()));
        }
        return status;
    }

    String apply(String input) {
        List<String> lines = Inputs.lines(input);
        boolean missingNewline = !input.isEmpty() && !input.endsWith("\n");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size() && !quit; i++) {
            boolean last = i == lines.size() - 1;
            String eol = last && missingNewline ? "" : "\n";
            line(lines.get(i), i + 1, last, eol, out);
        }
        return out.toString();
    }

    private void line(String text, int number, boolean last, String eol, StringBuilder out) {
        String ps = text;
        boolean deleted = false;
        StringBuilder appended = new StringBuilder();
        for (int c = 0; c < cmds.size() && !deleted && !quit; c++) {
            SedScript.Cmd cmd = cmds.get(c);
            if (selects(c, cmd, number, last, ps) == cmd.negate()) {
                continue;
            }
            switch (cmd.name()) {
                case 's' -> {
                    String replaced = substitute(cmd, ps);
                    if (replaced != null) {
                        ps = replaced;
                        if (cmd.print()) {
                            out.append(ps).append('\n');
                        }
                    }
                }
                case 'y' -> ps = transliterate(cmd.replacement(), ps);
                case 'd' -> deleted = true;
                case 'p' -> out.append(ps).append('\n');
                case '=' -> out.append(number).append('\n');
                case 'q' -> quit = true;
                case 'a' -> appended.append(cmd.text()).append('\n');
                case 'i' -> out.append(cmd.text()).append('\n');
                case 'c' -> {
                    out.append(cmd.text()).append('\n');
                    deleted = true;
                }
                default -> {
                    // 'n' without a next line behaves like the end of the script
                }
            }
        }
        if (!deleted && !quiet) {
            out.append(ps).append(appended.length() > 0 ? "\n" : eol);
        }
        out.append(appended);
    }

    private boolean selects(int index, SedScript.Cmd cmd, int number, boolean last, String ps) {
        if (cmd.from() == null) {
            return true;
        }
        if (cmd.to() == null) {
            return matches(cmd.from(), number, last, ps);
        }
        if (!active[index]) {
            if (!matches(cmd.from(), number, last, ps)) {
                return false;
            }
            SedScript.Address to = cmd.to();
            active[index] = to.regex() != null || (!to.last() && to.line() > number) || (to.last() && !last);
            return true;
        }
        SedScript.Address to = cmd.to();
        if (to.regex() != null ? to.regex().matcher(ps).find() : to.last() ? last : number >= to.line()) {
            active[index] = false;
        }
        return true;
    }

    private static boolean matches(SedScript.Address a, int number, boolean last, String ps) {
        if (a.regex() != null) {
            return a.regex().matcher(ps).find();
        }
        return a.last() ? last : a.line() == number;
    }

    /** The substituted pattern space, or null when nothing matched. */
    private static String substitute(SedScript.Cmd cmd, String ps) {
        Matcher m = cmd.regex().matcher(ps);
        StringBuilder sb = new StringBuilder();
        int last = 0;
        int seen = 0;
        boolean any = false;
        while (m.find()) {
            seen++;
            if (seen < cmd.occurrence()) {
                continue;
            }
            sb.append(ps, last, m.start()).append(replacement(cmd.replacement(), m));
            last = m.end();
            any = true;
            if (!cmd.global()) {
                break;
            }
        }
        return any ? sb.append(ps.substring(last)).toString() : null;
    }

    private static String replacement(String template, Matcher m) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '&') {
                sb.append(m.group());
            } else if (c == '\\' && i + 1 < template.length()) {
                char n = template.charAt(++i);
                if (Character.isDigit(n) && n - '0' <= m.groupCount()) {
                    String g = m.group(n - '0');
                    sb.append(g == null ? "" : g);
                } else {
                    sb.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String transliterate(String spec, String ps) {
        String[] sets = spec.split("\n", 2);
        StringBuilder sb = new StringBuilder(ps.length());
        for (char c : ps.toCharArray()) {
            int at = sets[0].indexOf(c);
            sb.append(at >= 0 && at < sets[1].length() ? sets[1].charAt(at) : c);
        }
        return sb.toString();
    }
}
