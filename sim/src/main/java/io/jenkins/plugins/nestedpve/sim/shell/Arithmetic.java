package io.jenkins.plugins.nestedpve.sim.shell;

import java.util.function.Function;

/**
 * Integer arithmetic of {@code $((...))}: literals, variables, parentheses, unary {@code - + !},
 * {@code * / %}, {@code + -}, comparisons, {@code == !=}, {@code && ||}.
 */
final class Arithmetic {
    private final String src;
    private final Function<String, String> variables;
    private int pos;

    private Arithmetic(String src, Function<String, String> variables) {
        this.src = src;
        this.variables = variables;
    }

    /**
     * Evaluates an expression.
     *
     * @throws IllegalArgumentException with bash's message text on a syntax error or division by 0
     */
    static long eval(String expr, Function<String, String> variables) {
        Arithmetic a = new Arithmetic(expr, variables);
        long value = a.or();
        a.skipBlanks();
        if (a.pos < a.src.length()) {
            throw new IllegalArgumentException(
                    expr.trim() + ": syntax error: invalid arithmetic operator (error token is \""
                            + a.src.substring(a.pos) + "\")");
        }
        return value;
    }

    private void skipBlanks() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
    }

    private boolean accept(String op) {
        skipBlanks();
        if (src.startsWith(op, pos)) {
            pos += op.length();
            return true;
        }
        return false;
    }

    private long or() {
        long v = and();
        while (accept("||")) {
            long r = and();
            v = (v != 0 || r != 0) ? 1 : 0;
        }
        return v;
    }

    private long and() {
        long v = equality();
        while (accept("&&")) {
            long r = equality();
            v = (v != 0 && r != 0) ? 1 : 0;
        }
        return v;
    }

    private long equality() {
        long v = relational();
        while (true) {
            if (accept("==")) {
                v = v == relational() ? 1 : 0;
            } else if (accept("!=")) {
                v = v != relational() ? 1 : 0;
            } else {
                return v;
            }
        }
    }

    private long relational() {
        long v = additive();
        while (true) {
            if (accept("<=")) {
                v = v <= additive() ? 1 : 0;
            } else if (accept(">=")) {
                v = v >= additive() ? 1 : 0;
            } else if (accept("<")) {
                v = v < additive() ? 1 : 0;
            } else if (accept(">")) {
                v = v > additive() ? 1 : 0;
            } else {
                return v;
            }
        }
    }

    private long additive() {
        long v = multiplicative();
        while (true) {
            if (accept("+")) {
                v += multiplicative();
            } else if (accept("-")) {
                v -= multiplicative();
            } else {
                return v;
            }
        }
    }

    private long multiplicative() {
        long v = unary();
        while (true) {
            if (accept("*")) {
                v *= unary();
            } else if (accept("/") || accept("%")) {
                boolean div = src.charAt(pos - 1) == '/';
                long r = unary();
                if (r == 0) {
                    throw new IllegalArgumentException(src.trim() + ": division by 0 (error token is \"0\")");
                }
                v = div ? v / r : v % r;
            } else {
                return v;
            }
        }
    }

    private long unary() {
        if (accept("-")) {
            return -unary();
        }
        if (accept("+")) {
            return unary();
        }
        if (accept("!")) {
            return unary() == 0 ? 1 : 0;
        }
        return primary();
    }

    private long primary() {
        skipBlanks();
        if (accept("(")) {
            long v = or();
            if (!accept(")")) {
                throw new IllegalArgumentException(src.trim() + ": missing `)'");
            }
            return v;
        }
        int start = pos;
        if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
            while (pos < src.length() && Character.isLetterOrDigit(src.charAt(pos))) {
                pos++;
            }
            return parseNumber(src.substring(start, pos));
        }
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw new IllegalArgumentException(
                    src.trim() + ": syntax error: operand expected (error token is \"" + src.substring(pos) + "\")");
        }
        String value = variables.apply(src.substring(start, pos));
        return value == null || value.isBlank() ? 0 : eval(value, variables);
    }

    private long parseNumber(String text) {
        try {
            if (text.startsWith("0x") || text.startsWith("0X")) {
                return Long.parseLong(text.substring(2), 16);
            }
            if (text.length() > 1 && text.startsWith("0")) {
                return Long.parseLong(text.substring(1), 8);
            }
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    text + ": value too great for base (error token is \"" + text + "\")", e);
        }
    }
}
