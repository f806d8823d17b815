package io.jenkins.plugins.nestedpve.schema;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * parse_property_string of pve-common:src/PVE/JSONSchema.pm: {@code [default_key=]v,k=v,...},
 * with aliases and key aliases, then the sub-values are checked like parameters.
 */
final class PropertyStrings {
    private static final Pattern KEY_VALUE = Pattern.compile("^([^=]+)=(.+)$", Pattern.UNIX_LINES);
    private static final Pattern BLANK = Pattern.compile("^\\s*$", Pattern.UNIX_LINES);
    private static final Pattern TRUE =
            Pattern.compile("^(1|on|yes|true)$", Pattern.CASE_INSENSITIVE | Pattern.UNIX_LINES);
    private static final Pattern FALSE =
            Pattern.compile("^(0|off|no|false)$", Pattern.CASE_INSENSITIVE | Pattern.UNIX_LINES);

    private PropertyStrings() {}

    /** Parses and checks {@code data}; errors are thrown as PVE's {@code $@} text. */
    static Map<String, Object> parse(HashFormat format, String data, String path, Dialect dialect)
            throws FormatException {
        Map<String, Object> res = new LinkedHashMap<>();
        String defaultKey = null;
        for (String part : data.split(",")) { // Perl split drops trailing empty fields; blanks are skipped anyway
            if (BLANK.matcher(part).find()) {
                continue;
            }
            Matcher kv = KEY_VALUE.matcher(part);
            if (kv.find()) {
                keyValue(format, kv.group(1), kv.group(2), res, dialect);
            } else if (part.indexOf('=') < 0) {
                if (defaultKey != null) {
                    throw FormatException.die("duplicate key in comma-separated list property: " + defaultKey);
                }
                defaultKey = defaultValue(format, part, res, dialect);
            } else {
                throw FormatException.die("missing key in comma-separated list property");
            }
        }
        Checker checker = new Checker(dialect);
        checker.checkObject(path, format.properties()::get, format.properties(), res, false);
        if (!checker.errors().isEmpty()) {
            throw raised(checker.errors());
        }
        if (format.validator() != null) {
            format.validator().check(res);
        }
        return res;
    }

    private static void keyValue(HashFormat format, String key, String value, Map<String, Object> res, Dialect d)
            throws FormatException {
        String k = key;
        if (res.get(k) != null) {
            throw FormatException.die("duplicate key in comma-separated list property: " + k);
        }
        Prop schema = format.properties().get(k);
        if (schema != null && schema.alias != null) {
            if (schema.keyAlias != null) {
                if (res.get(schema.keyAlias) != null) {
                    throw FormatException.die("key alias '" + schema.keyAlias + "' is already defined");
                }
                res.put(schema.keyAlias, k);
            }
            k = schema.alias;
            schema = format.properties().get(k);
            if (d.aliasConflict() && res.get(k) != null) {
                throw FormatException.die("key '" + k + "' is already defined (via alias)");
            }
        }
        if (schema == null) {
            throw FormatException.die("invalid key in comma-separated list property: " + k);
        }
        res.put(k, "boolean".equals(schema.type()) ? parseBoolean(value) : value);
    }

    // Perl iterates the format's keys in hash order; only one key has default_key in practice.
    private static String defaultValue(HashFormat format, String part, Map<String, Object> res, Dialect d)
            throws FormatException {
        for (Map.Entry<String, Prop> e : format.properties().entrySet()) {
            if (!e.getValue().defaultKey) {
                continue;
            }
            String key = e.getKey();
            if (Perl.truthy(res.get(key))) {
                throw FormatException.die("duplicate key in comma-separated list property: " + key);
            }
            boolean bool =
                    d.defaultKeyBoolean() && "boolean".equals(e.getValue().type());
            res.put(key, bool ? parseBoolean(part) : part);
            return key;
        }
        throw FormatException.die("value without key, but schema does not define a default key");
    }

    /** parse_boolean, keeping the original text when it is not a boolean word. */
    private static String parseBoolean(String v) {
        if (TRUE.matcher(v).find()) {
            return "1";
        }
        if (FALSE.matcher(v).find()) {
            return "0";
        }
        return v;
    }

    /** The stringified PVE::Exception of {@code raise "format error\n", errors => {...}}. */
    private static FormatException raised(Map<String, String> errors) {
        StringBuilder sb = new StringBuilder("format error\n");
        errors.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        return new FormatException(sb.toString());
    }
}
