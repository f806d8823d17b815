package io.jenkins.plugins.nestedpve.sim.shell.programs;

import io.jenkins.plugins.nestedpve.sim.shell.Regexes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A parsed sed script: commands {@code s y d p q = a i c} with addresses ({@code N}, {@code $},
 * {@code /re/[I]}, ranges, {@code !}).
 */
final class SedScript {
    /** A sed script error; the message is GNU sed's text after {@code sed: -e expression #1, char N: }. */
    static final class Error extends Exception {
        private static final long serialVersionUID = 1L;
        final int position;

        Error(String message, int position) {
            super(message, null, false, false);
            this.position = position;
        }
    }

    /** Line number ({@code > 0}), last line, or a regex. */
    record Address(int line, boolean last, Pattern regex) {}

    record Cmd(
            Address from,
            Address to,
            boolean negate,
            char name,
            Pattern regex,
            String replacement,
            boolean global,
            int occurrence,
            boolean print,
            String text) {}

    private final String src;
    private final boolean extended;
    private int pos;

    private SedScript(String src, boolean extended) {
        this.src = src;
        this.extended = extended;
    }

    static List<Cmd> parse(String script, boolean extended) throws Error {
        SedScript p = new SedScript(script, extended);
        List<Cmd> cmds = new ArrayList<>();
        while (true) {
            while (p.pos < script.length() && " \t\n;".indexOf(script.charAt(p.pos)) >= 0) {
                p.pos++;
            }
            if (p.pos >= script.length()) {
                return cmds;
            }
            cmds.add(p.command());
        }
    }

    private Cmd command() throws Error {
        Address from = address();
        Address to = null;
        if (from != null && peek() == ',') {
            pos++;
            to = address();
            if (to == null) {
                throw new Error("unexpected `,'", pos);
            }
        }
        skipBlanks();
        boolean negate = false;
        if (peek() == '!') {
            negate = true;
            pos++;
            skipBlanks();
        }
        if (pos >= src.length()) {
            throw new Error("missing command", pos);
        }
        char name = src.charAt(pos++);
        switch (name) {
            case 's':
                return substitute(from, to, negate);
            case 'y':
                char d = src.charAt(pos++);
                String a = delimited(d, "y");
                String b = delimited(d, "y");
                return new Cmd(from, to, negate, 'y', null, a + "\n" + b, false, 0, false, null);
            case 'a', 'i', 'c':
                return new Cmd(from, to, negate, name, null, null, false, 0, false, text());
            case 'd', 'p', 'q', '=', 'n':
                return new Cmd(from, to, negate, name, null, null, false, 0, false, null);
            default:
                throw new Error("unknown command: `" + name + "'", pos);
        }
    }

    private char peek() {
        return pos < src.length() ? src.charAt(pos) : '\0';
    }

    private void skipBlanks() {
        while (peek() == ' ' || peek() == '\t') {
            pos++;
        }
    }

    private Address address() throws Error {
        char c = peek();
        if (Character.isDigit(c)) {
            int start = pos;
            while (Character.isDigit(peek())) {
                pos++;
            }
            return new Address(Integer.parseInt(src.substring(start, pos)), false, null);
        }
        if (c == '$') {
            pos++;
            return new Address(0, true, null);
        }
        if (c == '/' || c == '\\') {
            if (c == '\\') {
                pos++;
            }
            char delim = src.charAt(pos++);
            String re = delimited(delim, "address regex");
            boolean ignoreCase = peek() == 'I';
            if (ignoreCase) {
                pos++;
            }
            return new Address(0, false, compile(re, ignoreCase));
        }
        return null;
    }

    private Cmd substitute(Address from, Address to, boolean negate) throws Error {
        if (pos >= src.length()) {
            throw new Error("unterminated `s' command", pos);
        }
        char delim = src.charAt(pos++);
        String re = delimited(delim, "s");
        String replacement = delimited(delim, "s");
        boolean global = false;
        boolean print = false;
        boolean ignoreCase = false;
        int occurrence = 1;
        while (pos < src.length() && "gpiIm0123456789w".indexOf(src.charAt(pos)) >= 0) {
            char f = src.charAt(pos++);
            if (f == 'g') {
                global = true;
            } else if (f == 'p') {
                print = true;
            } else if (f == 'i' || f == 'I') {
                ignoreCase = true;
            } else if (Character.isDigit(f)) {
                occurrence = f - '0';
            }
        }
        return new Cmd(from, to, negate, 's', compile(re, ignoreCase), replacement, global, occurrence, print, null);
    }

    /** Text up to the unescaped {@code delim}; {@code \delim} stands for the delimiter itself. */
    private String delimited(char delim, String what) throws Error {
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= src.length()) {
                throw new Error("unterminated `" + what + "' command", pos);
            }
            char c = src.charAt(pos++);
            if (c == delim) {
                return sb.toString();
            }
            if (c == '\\' && pos < src.length()) {
                char n = src.charAt(pos++);
                if (n == delim) {
                    sb.append(n);
                } else if (n == 'n') {
                    sb.append('\n');
                } else {
                    sb.append('\\').append(n);
                }
            } else {
                sb.append(c);
            }
        }
    }

    /** GNU one-liner text of {@code a}, {@code i}, {@code c}: {@code a text} or {@code a\}{@code text}. */
    private String text() {
        skipBlanks();
        if (peek() == '\\') {
            pos++;
            if (peek() == '\n') {
                pos++;
            }
        }
        StringBuilder sb = new StringBuilder();
        while (pos < src.length() && src.charAt(pos) != '\n') {
            char c = src.charAt(pos++);
            if (c == '\\' && pos < src.length()) {
                sb.append(src.charAt(pos++));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private Pattern compile(String re, boolean ignoreCase) throws Error {
        try {
            return Regexes.compile(re, extended, ignoreCase);
        } catch (PatternSyntaxException e) {
            throw new Error(e.getDescription(), pos);
        }
    }
}
