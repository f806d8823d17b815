package io.jenkins.plugins.nestedpve.plugin;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as pipelines write them: {@code 90s}, {@code 30m}, {@code 2h}, {@code 1d}, or ISO-8601 {@code PT2H}. */
final class DurationParser {
    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*(s|m|h|d)");

    private DurationParser() {}

    /**
     * Parses {@code text}; blank means zero.
     *
     * @param what the parameter, for the message
     * @throws IllegalArgumentException saying what is accepted
     */
    static Duration parse(String text, String what) {
        if (text == null || text.isBlank()) {
            return Duration.ZERO;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            Duration d = Duration.parse(t.toUpperCase(Locale.ROOT));
            if (!d.isNegative()) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // reported below with the accepted forms
        }
        throw new IllegalArgumentException(what + ": '" + text + "' is not a duration; write e.g. 90s, 30m, 2h or 1d");
    }
}
