package io.jenkins.plugins.nestedpve.sim.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes {@code application/x-www-form-urlencoded} data exactly as pve-http-server does
 * (src/PVE/APIServer/AnyEvent.pm {@code decode_urlencoded}), quirks included:
 *
 * <ul>
 *   <li>pairs are separated by {@code &} or {@code ;};
 *   <li>{@code +} decodes to a space and only well-formed {@code %XX} escapes are decoded;
 *   <li>a pair is split at every raw {@code =} (Perl {@code split}) and only the first two fields
 *       are kept, so a value ends at the <em>second</em> raw {@code =};
 *   <li>Perl's {@code split} drops trailing empty fields, so {@code key=} and {@code key} carry no
 *       value at all ({@code null} here, {@code undef} in PVE) while {@code key==x} carries "";
 *   <li>a repeated key collects its values into a {@code List<String>}; a repeated key without a
 *       value resets it to {@code null}.
 * </ul>
 *
 * The result keeps {@code null} values so that a query parameter without value can override a body
 * value as it does in PVE; callers drop {@code null}s at the end (PVE treats {@code undef} as absent).
 */
final class FormDecoder {
    private FormDecoder() {}

    /** Decodes raw form data (may be {@code null} or empty). */
    static Map<String, Object> decode(byte[] data) {
        return decode(data == null ? null : new String(data, StandardCharsets.ISO_8859_1));
    }

    /**
     * Decodes raw form data given as a string of bytes (each char one byte, as in a raw query string).
     */
    static Map<String, Object> decode(String data) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (data == null || data.isEmpty()) {
            return out;
        }
        for (String pair : perlSplit(data, "[&;]")) {
            List<String> fields = perlSplit(pair, "=");
            if (fields.isEmpty()) {
                continue; // PVE stores undef under an empty key: nothing anyone can read
            }
            String key = unescape(fields.get(0));
            String value = fields.size() > 1 ? unescape(fields.get(1)) : null;
            put(out, key, value);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> out, String key, String value) {
        if (value == null) {
            out.put(key, null);
            return;
        }
        Object old = out.get(key);
        if (old == null) {
            out.put(key, value);
        } else if (old instanceof List<?> list) {
            ((List<String>) list).add(value);
        } else {
            List<String> values = new ArrayList<>();
            values.add((String) old);
            values.add(value);
            out.put(key, values);
        }
    }

    // Perl split: keeps leading empty fields, drops trailing ones.
    private static List<String> perlSplit(String s, String regex) {
        List<String> fields = new ArrayList<>(List.of(s.split(regex, -1)));
        while (!fields.isEmpty() && fields.get(fields.size() - 1).isEmpty()) {
            fields.remove(fields.size() - 1);
        }
        return fields;
    }

    /** {@code +} to space, {@code %XX} to the byte, then UTF-8 (malformed input replaced). */
    static String unescape(String s) {
        return unescape(s, true);
    }

    /**
     * Percent-decodes a URI path as {@code URI::Escape::uri_unescape} does: {@code %XX} only ({@code
     * +} stays), then UTF-8.
     */
    static String unescapePath(String s) {
        return unescape(s, false);
    }

    private static String unescape(String s, boolean plusIsSpace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c & 0xff);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
