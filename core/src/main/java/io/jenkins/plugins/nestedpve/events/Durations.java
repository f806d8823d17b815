package io.jenkins.plugins.nestedpve.events;

import java.time.Duration;
import java.util.Locale;

/** Short human-readable durations for tables and log lines: {@code 850ms}, {@code 12.3s}, {@code 3m05s}, {@code 1h02m}. */
public final class Durations {
    private Durations() {}

    /** Formats {@code d}; negative durations are shown as zero. */
    public static String human(Duration d) {
        long ms = Math.max(0, d.toMillis());
        if (ms < 1_000) {
            return ms + "ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        long s = ms / 1000;
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
