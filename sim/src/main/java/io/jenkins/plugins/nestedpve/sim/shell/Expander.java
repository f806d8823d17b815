package io.jenkins.plugins.nestedpve.sim.shell;

import io.jenkins.plugins.nestedpve.sim.shell.parse.Lexer;
import io.jenkins.plugins.nestedpve.sim.shell.parse.Word;
import io.jenkins.plugins.nestedpve.sim.shell.parse.WordPart;
import java.util.ArrayList;
import java.util.List;

/**
 * Word expansion: tilde, parameters, command substitution, arithmetic, then field splitting on
 * unquoted expansion results and pathname expansion on unquoted pattern characters.
 */
final class Expander {
    private final Interpreter interpreter;
    private final ShellState state;

    Expander(Interpreter interpreter, ShellState state) {
        this.interpreter = interpreter;
        this.state = state;
    }

    /** Expands words to argument fields. */
    List<String> fields(List<Word> words, Io io) throws InterruptedException {
        List<String> out = new ArrayList<>();
        for (Word word : words) {
            Fields fields = new Fields(state.ifs());
            expandInto(word, fields, io);
            for (Fields.Field field : fields.finish()) {
                List<String> matches =
                        field.glob() ? Glob.expand(field.pattern(), state.cwd, interpreter.fs()) : List.of();
                if (matches.isEmpty()) {
                    out.add(field.text());
                } else {
                    out.addAll(matches);
                }
            }
        }
        return out;
    }

    /** Expands a word to one string: no field splitting, no pathname expansion. */
    String single(Word word, Io io) throws InterruptedException {
        StringBuilder sb = new StringBuilder();
        List<WordPart> parts = word.parts();
        for (int i = 0; i < parts.size(); i++) {
            WordPart part = parts.get(i);
            if (i == 0 && isTilde(part)) {
                sb.append(home()).append(((WordPart.Lit) part).text().substring(1));
            } else {
                sb.append(value(part, io));
            }
        }
        return sb.toString();
    }

    private void expandInto(Word word, Fields fields, Io io) throws InterruptedException {
        List<WordPart> parts = word.parts();
        for (int i = 0; i < parts.size(); i++) {
            WordPart part = parts.get(i);
            if (i == 0 && isTilde(part)) {
                fields.quoted(home());
                fields.literal(((WordPart.Lit) part).text().substring(1));
            } else if (part instanceof WordPart.Lit lit) {
                if (lit.quoted()) {
                    fields.quoted(lit.text());
                } else {
                    fields.literal(lit.text());
                }
            } else if (part instanceof WordPart.Param p
                    && p.quoted()
                    && p.name().equals("@")
                    && p.op().isEmpty()) {
                List<String> args = state.positional;
                for (int a = 0; a < args.size(); a++) {
                    if (a > 0) {
                        fields.breakField();
                    }
                    fields.quoted(args.get(a));
                }
            } else if (part.quoted()) {
                fields.quoted(value(part, io));
            } else {
                fields.split(value(part, io));
            }
        }
    }

    private static boolean isTilde(WordPart part) {
        return part instanceof WordPart.Lit lit
                && !lit.quoted()
                && lit.text().startsWith("~")
                && (lit.text().length() == 1 || lit.text().charAt(1) == '/');
    }

    private String home() {
        String home = state.get("HOME");
        return home == null ? "/root" : home;
    }

    private String value(WordPart part, Io io) throws InterruptedException {
        if (part instanceof WordPart.Lit lit) {
            return lit.text();
        }
        if (part instanceof WordPart.CmdSub sub) {
            return interpreter.substitute(sub.source(), io);
        }
        if (part instanceof WordPart.Arith arith) {
            String expr = single(Lexer.parseFragment(arith.expr(), true), io);
            try {
                return Long.toString(Arithmetic.eval(expr, this::lookup));
            } catch (IllegalArgumentException e) {
                throw interpreter.fatal(e.getMessage(), 1);
            }
        }
        return parameter((WordPart.Param) part, io);
    }

    /** The value of a parameter, or {@code null} when unset. */
    String lookup(String name) {
        switch (name) {
            case "?":
                return Integer.toString(state.lastStatus);
            case "$":
                return Long.toString(interpreter.pid());
            case "#":
                return Integer.toString(state.positional.size());
            case "0":
                return state.arg0;
            case "-":
                return state.flags();
            case "!":
                return interpreter.lastBackgroundPid();
            case "@":
            case "*":
                return String.join(" ", state.positional);
            default:
                break;
        }
        if (Character.isDigit(name.charAt(0))) {
            int n = Integer.parseInt(name);
            return n <= state.positional.size() ? state.positional.get(n - 1) : null;
        }
        return state.get(name);
    }

    private String parameter(WordPart.Param p, Io io) throws InterruptedException {
        String v = lookup(p.name());
        boolean unsetOrNull = v == null || v.isEmpty();
        switch (p.op()) {
            case ":-":
                return unsetOrNull ? arg(p, io) : v;
            case "-":
                return v == null ? arg(p, io) : v;
            case ":=":
            case "=":
                if (p.op().equals(":=") ? unsetOrNull : v == null) {
                    v = arg(p, io);
                    state.vars.put(p.name(), v);
                }
                return v;
            case ":+":
                return unsetOrNull ? "" : arg(p, io);
            case "+":
                return v == null ? "" : arg(p, io);
            case ":?":
            case "?":
                if (p.op().equals(":?") ? unsetOrNull : v == null) {
                    String msg = p.arg().isEmpty() ? "parameter null or not set" : arg(p, io);
                    throw interpreter.fatal(p.name() + ": " + msg, 1);
                }
                return v;
            default:
                break;
        }
        if (v == null && state.nounset && !p.name().equals("@") && !p.name().equals("*")) {
            throw interpreter.fatal(p.name() + ": unbound variable", 1);
        }
        String value = v == null ? "" : v;
        return switch (p.op()) {
            case "#len" -> Integer.toString(value.codePointCount(0, value.length()));
            case "%", "%%", "#", "##" -> PatternOps.remove(value, p.op(), arg(p, io));
            case "/", "//" -> PatternOps.replace(value, p.op().equals("//"), arg(p, io));
            default -> value;
        };
    }

    private String arg(WordPart.Param p, Io io) throws InterruptedException {
        return single(Lexer.parseFragment(p.arg(), false), io);
    }
}
