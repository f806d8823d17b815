package io.jenkins.plugins.nestedpve.sim.shell.programs;

import io.jenkins.plugins.nestedpve.sim.shell.Glob;
import io.jenkins.plugins.nestedpve.sim.shell.Invocation;
import io.jenkins.plugins.nestedpve.sim.shell.Regexes;
import io.jenkins.plugins.nestedpve.sim.shell.VirtualFs;
import java.util.List;
import java.util.Set;

/**
 * {@code test EXPR}, {@code [ EXPR ]} and {@code [[ EXPR ]]}: file tests on the {@link VirtualFs},
 * string and integer comparisons, {@code !}, {@code -a}, {@code -o}, parentheses. Exit 0 true, 1
 * false, 2 on error.
 */
final class TestProgram {
    private static final Set<String> UNARY = Set.of(
            "-e", "-f", "-d", "-s", "-r", "-w", "-x", "-n", "-z", "-L", "-h", "-c", "-b", "-p", "-S", "-t", "-O", "-G",
            "-a");
    private static final Set<String> BINARY =
            Set.of("=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef", "=~");

    /** An expression error; status 2. */
    private static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;

        Bad(String message) {
            super(message, null, false, false);
        }
    }

    private final Invocation inv;
    private final List<String> args;
    private final boolean extended;
    private int pos;

    private TestProgram(Invocation inv, List<String> args, boolean extended) {
        this.inv = inv;
        this.args = args;
        this.extended = extended;
    }

    static int run(Invocation inv) {
        String name = inv.name().substring(inv.name().lastIndexOf('/') + 1);
        List<String> args = inv.params();
        String close = name.equals("[") ? "]" : name.equals("[[") ? "]]" : null;
        if (close != null) {
            if (args.isEmpty() || !args.get(args.size() - 1).equals(close)) {
                inv.err().println(name + ": missing `" + close + "'");
                return 2;
            }
            args = args.subList(0, args.size() - 1);
        }
        TestProgram t = new TestProgram(inv, args, name.equals("[["));
        try {
            if (args.isEmpty()) {
                return 1;
            }
            boolean result = t.or();
            if (t.pos < args.size()) {
                throw new Bad(args.get(t.pos) + ": unary operator expected");
            }
            return result ? 0 : 1;
        } catch (Bad e) {
            inv.err().println(name + ": " + e.getMessage());
            return 2;
        }
    }

    private boolean more() {
        return pos < args.size();
    }

    private boolean or() throws Bad {
        boolean v = and();
        while (more() && (args.get(pos).equals("-o") || args.get(pos).equals("||"))) {
            pos++;
            v |= and();
        }
        return v;
    }

    private boolean and() throws Bad {
        boolean v = not();
        while (more() && (args.get(pos).equals("-a") || args.get(pos).equals("&&"))) {
            pos++;
            v &= not();
        }
        return v;
    }

    private boolean not() throws Bad {
        if (more() && args.get(pos).equals("!") && pos + 1 < args.size()) {
            pos++;
            return !not();
        }
        return primary();
    }

    private boolean primary() throws Bad {
        if (!more()) {
            throw new Bad("argument expected");
        }
        String a = args.get(pos);
        if (a.equals("(") && args.lastIndexOf(")") > pos) {
            pos++;
            boolean v = or();
            if (!more() || !args.get(pos).equals(")")) {
                throw new Bad("`)' expected");
            }
            pos++;
            return v;
        }
        if (pos + 2 < args.size() && BINARY.contains(args.get(pos + 1))) {
            pos += 3;
            return binary(a, args.get(pos - 2), args.get(pos - 1));
        }
        if (UNARY.contains(a) && pos + 1 < args.size()) {
            pos += 2;
            return unary(a, args.get(pos - 1));
        }
        pos++;
        return !a.isEmpty();
    }

    private boolean unary(String op, String operand) {
        VirtualFs fs = inv.fs();
        String path = Inputs.path(inv, operand);
        return switch (op) {
            case "-n" -> !operand.isEmpty();
            case "-z" -> operand.isEmpty();
            case "-e", "-a", "-r", "-w", "-O", "-G" -> fs.exists(path);
            case "-f" -> fs.isFile(path) && !path.startsWith("/dev/");
            case "-d" -> fs.isDirectory(path);
            case "-s" ->
                fs.isDirectory(path) || fs.read(path).map(s -> !s.isEmpty()).orElse(false);
            case "-x" -> fs.isDirectory(path) || (fs.isFile(path) && executable(path));
            case "-c" -> path.equals("/dev/null") || (path.startsWith("/dev/") && fs.isFile(path));
            default -> false;
        };
    }

    /** Scripts and programs under bin directories count as executable; the simulator keeps no modes. */
    private static boolean executable(String path) {
        return path.contains("/bin/") || path.contains("/sbin/") || path.endsWith(".sh");
    }

    private boolean binary(String left, String op, String right) throws Bad {
        switch (op) {
            case "=", "==":
                return extended ? Glob.toRegex(right).matcher(left).matches() : left.equals(right);
            case "!=":
                return extended ? !Glob.toRegex(right).matcher(left).matches() : !left.equals(right);
            case "<":
                return left.compareTo(right) < 0;
            case ">":
                return left.compareTo(right) > 0;
            case "=~":
                return Regexes.compile(right, true, false).matcher(left).find();
            case "-nt", "-ot", "-ef":
                return false;
            default:
                int c = Long.compare(integer(left), integer(right));
                return switch (op) {
                    case "-eq" -> c == 0;
                    case "-ne" -> c != 0;
                    case "-lt" -> c < 0;
                    case "-le" -> c <= 0;
                    case "-gt" -> c > 0;
                    default -> c >= 0;
                };
        }
    }

    private static long integer(String s) throws Bad {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new Bad(s + ": integer expression expected");
        }
    }
}
