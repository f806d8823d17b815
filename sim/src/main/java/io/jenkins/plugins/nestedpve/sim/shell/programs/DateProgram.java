package io.jenkins.plugins.nestedpve.sim.shell.programs;

import io.jenkins.plugins.nestedpve.sim.shell.Invocation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** {@code date [-u] [-d @N|now] [+FORMAT | -I[SPEC] | -R]} in UTC (simulated machines run in UTC). */
final class DateProgram {
    private DateProgram() {}

    static int run(Invocation inv, Clock clock) {
        Opts o = Opts.parse(inv.params(), "ds");
        Instant instant = clock.instant();
        String date = o.value('d', o.longs.get("date"));
        if (date != null) {
            if (date.startsWith("@") && date.substring(1).matches("-?\\d+")) {
                instant = Instant.ofEpochSecond(Long.parseLong(date.substring(1)));
            } else if (!date.equals("now")) {
                inv.err().println("date: invalid date '" + date + "'");
                return 1;
            }
        }
        ZonedDateTime t = instant.atZone(ZoneOffset.UTC);
        String format = o.operands.stream()
                .filter(s -> s.startsWith("+"))
                .findFirst()
                .map(s -> s.substring(1))
                .orElse(null);
        if (o.has('R') || o.longs.containsKey("rfc-email")) {
            format = "%a, %d %b %Y %H:%M:%S %z";
        } else if (o.has('I') || o.longs.containsKey("iso-8601")) {
            inv.out().println(DateTimeFormatter.ISO_LOCAL_DATE.format(t));
            return 0;
        }
        inv.out().println(format(format == null ? "%a %b %e %H:%M:%S %Z %Y" : format, t));
        return 0;
    }

    static String format(String format, ZonedDateTime t) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
                sb.append(c);
                continue;
            }
            char f = format.charAt(++i);
            sb.append(
                    switch (f) {
                        case 's' -> Long.toString(t.toEpochSecond());
                        case 'Y' -> Integer.toString(t.getYear());
                        case 'y' -> two(t.getYear() % 100);
                        case 'm' -> two(t.getMonthValue());
                        case 'd' -> two(t.getDayOfMonth());
                        case 'e' -> String.format(Locale.ROOT, "%2d", t.getDayOfMonth());
                        case 'H' -> two(t.getHour());
                        case 'M' -> two(t.getMinute());
                        case 'S' -> two(t.getSecond());
                        case 'N' -> String.format(Locale.ROOT, "%09d", t.getNano());
                        case 'j' -> String.format(Locale.ROOT, "%03d", t.getDayOfYear());
                        case 'F' -> format("%Y-%m-%d", t);
                        case 'T' -> format("%H:%M:%S", t);
                        case 'D' -> format("%m/%d/%y", t);
                        case 'R' -> format("%H:%M", t);
                        case 'Z' -> "UTC";
                        case 'z' -> "+0000";
                        case 'a' -> t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT);
                        case 'A' -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ROOT);
                        case 'b', 'h' -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ROOT);
                        case 'B' -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ROOT);
                        case 'u' -> Integer.toString(t.getDayOfWeek().getValue());
                        case 'n' -> "\n";
                        case 't' -> "\t";
                        case '%' -> "%";
                        default -> "%" + f;
                    });
        }
        return sb.toString();
    }

    private static String two(int v) {
        return String.format(Locale.ROOT, "%02d", v);
    }
}
