package io.jenkins.plugins.nestedpve.sim.shell.programs;

import io.jenkins.plugins.nestedpve.sim.shell.Invocation;
import io.jenkins.plugins.nestedpve.sim.shell.parse.Escapes;
import java.util.List;
import java.util.Locale;

/**
 * {@code printf FORMAT [ARG...]} with {@code %s %b %c %d %i %u %o %x %X %e %f %g %%}, flags,
 * width and precision; the format is reused while arguments remain.
 */
final class Printf {
    private final Invocation inv;
    private final List<String> args;
    private int next;
    private int status;
    private boolean stop;

    private Printf(Invocation inv, List<String> args) {
        this.inv = inv;
        this.args = args;
    }

    static int run(Invocation inv) {
        List<String> params = inv.params();
        if (!params.isEmpty() && params.get(0).equals("--")) {
            params = params.subList(1, params.size());
        }
        if (params.isEmpty()) {
            inv.err().println("printf: usage: printf [-v var] format [arguments]");
            return 2;
        }
        Printf p = new Printf(inv, params.subList(1, params.size()));
        String format = params.get(0);
        StringBuilder out = new StringBuilder();
        do {
            int before = p.next;
            p.formatOnce(format, out);
            if (p.next == before) {
                break;
            }
        } while (p.next < p.args.size() && !p.stop);
        inv.out().print(out);
        return p.status;
    }

    private String arg() {
        return next < args.size() ? args.get(next++) : null;
    }

    private void formatOnce(String f, StringBuilder out) {
        int i = 0;
        while (i < f.length() && !stop) {
            char c = f.charAt(i);
            if (c == '\\' && i + 1 < f.length()) {
                i = Escapes.decode(f, i + 1, out, true);
            } else if (c == '%' && i + 1 < f.length()) {
                i = conversion(f, i + 1, out);
            } else {
                out.append(c);
                i++;
            }
        }
    }

    private int conversion(String f, int start, StringBuilder out) {
        int i = start;
        while (i < f.length() && "-+ 0#'".indexOf(f.charAt(i)) >= 0) {
            i++;
        }
        while (i < f.length() && (Character.isDigit(f.charAt(i)) || f.charAt(i) == '.' || f.charAt(i) == '*')) {
            i++;
        }
        if (i >= f.length()) {
            out.append('%').append(f, start, i);
            return i;
        }
        String spec = f.substring(start, i).replace("'", "");
        if (spec.contains("*")) {
            String width = arg();
            spec = spec.replace("*", width == null ? "0" : width);
        }
        char conv = f.charAt(i);
        try {
            out.append(render(conv, spec));
        } catch (java.util.IllegalFormatException e) {
            out.append('%').append(spec).append(conv);
        }
        return i + 1;
    }

    private String render(char conv, String spec) {
        switch (conv) {
            case '%':
                return "%";
            case 's':
                return String.format(Locale.ROOT, "%" + spec + "s", orEmpty(arg()));
            case 'b':
                boolean[] stopped = {false};
                String text = Escapes.echo(orEmpty(arg()), stopped);
                stop = stopped[0];
                return String.format(Locale.ROOT, "%" + spec + "s", text);
            case 'c':
                String s = orEmpty(arg());
                return String.format(Locale.ROOT, "%" + spec + "s", s.isEmpty() ? "" : s.substring(0, 1));
            case 'd', 'i', 'u':
                return String.format(Locale.ROOT, "%" + integerSpec(spec) + "d", number(arg()));
            case 'o', 'x', 'X':
                return String.format(Locale.ROOT, "%" + integerSpec(spec) + conv, number(arg()));
            case 'e', 'E', 'f', 'F', 'g', 'G':
                return String.format(Locale.ROOT, "%" + spec + (conv == 'F' ? 'f' : conv), decimal(arg()));
            default:
                inv.err().println("printf: %" + conv + ": invalid directive");
                status = 1;
                return "";
        }
    }

    private static String integerSpec(String spec) {
        int dot = spec.indexOf('.');
        return dot < 0 ? spec : spec.substring(0, dot);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private long number(String s) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        String t = s.trim();
        try {
            if (t.startsWith("'") || t.startsWith("\"")) {
                return t.length() > 1 ? t.codePointAt(1) : 0;
            }
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Long.parseLong(t.substring(2), 16);
            }
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            inv.err().println("printf: " + s + ": invalid number");
            status = 1;
            return 0;
        }
    }

    private double decimal(String s) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            inv.err().println("printf: " + s + ": invalid number");
            status = 1;
            return 0;
        }
    }
}
