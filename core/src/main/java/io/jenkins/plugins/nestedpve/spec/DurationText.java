package io.jenkins.plugins.nestedpve.spec;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them, in spec files, on the command line and in Pipeline parameters alike: {@code 90s}, {@code 15m}, {@code 4h}, {@code 1h30m}, {@code 2d}, {@code 500ms}, or ISO-8601 {@code PT15M}.
 */
public final class DurationText {
    private static final Pattern PART = Pattern.compile("([0-9]+)(ms|s|m|h|d)");
    private static final Pattern WHOLE = Pattern.compile("(?:[0-9]+(?:ms|s|m|h|d))+");

    private DurationText() {}

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException saying what is expected
     */
    public static Duration parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        if (t.equals("0")) {
            return Duration.ZERO;
        }
        if (t.startsWith("p")) {
            try {
                Duration d = Duration.parse(t.toUpperCase(Locale.ROOT));
                if (!d.isNegative()) {
                    return d;
                }
            } catch (DateTimeParseException e) {
                // reported below with the accepted forms
            }
            throw new IllegalArgumentException(bad(text));
        }
        if (!WHOLE.matcher(t).matches()) {
            throw new IllegalArgumentException(bad(text));
        }
        Duration total = Duration.ZERO;
        Matcher m = PART.matcher(t);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(
                    switch (m.group(2)) {
                        case "ms" -> Duration.ofMillis(n);
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        case "h" -> Duration.ofHours(n);
                        default -> Duration.ofDays(n);
                    });
        }
        return total;
    }

    /** {@code 1h30m}, {@code 15m}, {@code 42s}, {@code 0s} — the inverse of {@link #parse}. */
    public static String format(Duration d) {
        long s = d.getSeconds();
        if (s == 0) {
            return d.toMillis() == 0 ? "0s" : d.toMillis() + "ms";
        }
        StringBuilder out = new StringBuilder();
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        if (h > 0) {
            out.append(h).append('h');
        }
        if (m > 0) {
            out.append(m).append('m');
        }
        if (sec > 0) {
            out.append(sec).append('s');
        }
        return out.toString();
    }

    private static String bad(String text) {
        return "'" + text + "' is not a duration — write a number with a unit, e.g. 90s, 15m, 4h, 1h30m or 2d";
    }
}
