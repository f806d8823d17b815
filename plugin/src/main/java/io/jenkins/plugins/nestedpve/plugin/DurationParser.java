package io.jenkins.plugins.nestedpve.plugin;

import io.jenkins.plugins.nestedpve.spec.DurationText;
import java.time.Duration;

/**
 * Durations of Pipeline parameters, written as in spec files and on the command line ({@link
 * DurationText}: {@code 90s}, {@code 30m}, {@code 2h}, {@code 1h30m}, {@code 1d}, ISO-8601 {@code
 * PT2H}); blank means zero.
 */
final class DurationParser {
    private DurationParser() {}

    /**
     * Parses {@code text}; blank means zero.
     *
     * @param what the parameter, for the message
     * @throws IllegalArgumentException naming the parameter and saying what is accepted
     */
    static Duration parse(String text, String what) {
        if (text == null || text.isBlank()) {
            return Duration.ZERO;
        }
        try {
            return DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
    }
}
