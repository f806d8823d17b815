package io.jenkins.plugins.nestedpve.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The few Perl value semantics that PVE's parameter checking depends on.
 *
 * <p>Request values are modelled as Perl sees them after pve-http-server decoded the request: a
 * scalar is a {@link String}, an array reference a {@link List}, a hash reference a {@link Map},
 * a JSON boolean a {@link JsonBool} (a blessed reference in Perl) and {@code undef} is {@code null}.
 */
final class Perl {
    /** A JSON boolean of a JSON body; Perl's JSON module blesses it into JSON::PP::Boolean. */
    enum JsonBool {
        FALSE,
        TRUE;

        String str() {
            return this == TRUE ? "1" : "0";
        }
    }

    // pve-common:src/PVE/JSONSchema.pm is_number / is_integer. UNIX_LINES + find() reproduces
    // Perl's '$' (end of string or before a final "\n").
    private static final Pattern NUMBER =
            Pattern.compile("^[+-]?(\\d+\\.\\d+|\\d+\\.|\\.\\d+|\\d+)([eE][+-]?\\d+)?$", Pattern.UNIX_LINES);
    private static final Pattern INTEGER = Pattern.compile("^[+-]?\\d+$", Pattern.UNIX_LINES);
    private static final Pattern LIST_SEPARATORS = Pattern.compile("[,;]");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern LEADING_WS = Pattern.compile("^\\s+");

    private Perl() {}

    static boolean isNumber(String v) {
        return NUMBER.matcher(v).find();
    }

    static boolean isInteger(String v) {
        return INTEGER.matcher(v).find();
    }

    /** Numeric value of a string that passed {@link #isNumber}. */
    static BigDecimal numeric(String v) {
        String s = v.endsWith("\n") ? v.substring(0, v.length() - 1) : v;
        int e = Math.max(s.indexOf('e'), s.indexOf('E'));
        String mantissa = e < 0 ? s : s.substring(0, e);
        String exponent = e < 0 ? "" : s.substring(e);
        if (mantissa.endsWith(".")) {
            mantissa = mantissa + "0";
        }
        return new BigDecimal(mantissa + exponent);
    }

    /** Perl's {@code ref($v)}: null for a plain scalar or undef. */
    static String refName(Object v) {
        if (v instanceof List) {
            return "ARRAY";
        }
        if (v instanceof Map) {
            return "HASH";
        }
        if (v instanceof JsonBool) {
            return "JSON::PP::Boolean";
        }
        return null;
    }

    /** Perl truthiness. */
    static boolean truthy(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof JsonBool b) {
            return b == JsonBool.TRUE;
        }
        if (v instanceof String s) {
            return !s.isEmpty() && !"0".equals(s);
        }
        return true; // references are true
    }

    /** Perl stringification ({@code "$v"}); references print as e.g. ARRAY(0x1f). */
    static String str(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof JsonBool b) {
            return b.str();
        }
        return refName(v) + "(0x" + Integer.toHexString(System.identityHashCode(v)) + ")";
    }

    /**
     * Splits a list value as pve-common:src/PVE/ParseUtils.pm split_list does: NUL-separated if
     * it contains NUL, else on ',', ';' and whitespace, ignoring leading whitespace.
     */
    static List<String> splitList(String text) {
        List<String> out = new ArrayList<>();
        if (text.indexOf('\0') >= 0) {
            for (String s : text.split("\0", -1)) {
                out.add(s);
            }
            trimTrailingEmpty(out);
            return out;
        }
        String s = LEADING_WS
                .matcher(LIST_SEPARATORS.matcher(text).replaceAll(" "))
                .replaceFirst("");
        if (s.isEmpty()) {
            return out;
        }
        for (String part : WHITESPACE.split(s, -1)) {
            out.add(part);
        }
        trimTrailingEmpty(out); // Perl's split drops trailing empty fields
        return out;
    }

    private static void trimTrailingEmpty(List<String> list) {
        while (!list.isEmpty() && list.get(list.size() - 1).isEmpty()) {
            list.remove(list.size() - 1);
        }
    }

    /** How Perl prints a number it decoded from JSON (integers as such, floats like %.15g). */
    static String numberText(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return n.toString();
        }
        if (n instanceof BigInteger) {
            return n.toString();
        }
        if (n instanceof BigDecimal bd) {
            BigDecimal stripped = bd.stripTrailingZeros();
            if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 18) {
                return stripped.toBigInteger().toString();
            }
            return doubleText(bd.doubleValue());
        }
        return doubleText(n.doubleValue());
    }

    static String doubleText(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        String s = String.format(java.util.Locale.ROOT, "%.15g", d);
        // %.15g keeps trailing zeros that Perl drops; normalize mantissa and exponent like Perl.
        String mantissa = s;
        String exponent = "";
        int e = s.indexOf('e');
        if (e >= 0) {
            mantissa = s.substring(0, e);
            exponent = s.substring(e);
        }
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        if (!exponent.isEmpty()) {
            String sign = exponent.substring(1, 2);
            String digits = exponent.substring(2).replaceFirst("^0+(?=\\d\\d)", "");
            exponent = "e" + sign + digits;
        }
        return mantissa + exponent;
    }
}
